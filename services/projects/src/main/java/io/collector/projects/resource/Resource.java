package io.collector.projects.resource;

import io.collector.events.payload.EmployeeHired;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone tasks can be assigned to: a hired employee. Its id is the employee's id, so that HR can map
 * {@code task.completed}'s {@code assignedResourceId} back to the employee.
 */
public record Resource(UUID id, String tenantId, String employeeNumber, String firstName, String lastName,
                       String email, String position, String department, Instant hireDate, Instant createdAt) {

    public Resource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    static Resource hired(String tenantId, EmployeeHired employee, Instant now) {
        return new Resource(employee.employeeId(), tenantId, employee.employeeNumber(), employee.firstName(),
                employee.lastName(), employee.email(), employee.position(), employee.department(), employee.hireDate(), now);
    }

    /** "firstName lastName". */
    public String name() {
        return firstName + " " + lastName;
    }
}
