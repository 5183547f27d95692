package io.collector.events.payload;

import io.collector.events.EventPayload;

import java.time.Instant;
import java.util.UUID;

/** {@code employee.hired}: a new employee joined (HR → Project Management). */
public record EmployeeHired(
        UUID employeeId,
        String employeeNumber,
        String firstName,
        String lastName,
        String email,
        String position,
        String department,
        Instant hireDate) implements EventPayload {
}
