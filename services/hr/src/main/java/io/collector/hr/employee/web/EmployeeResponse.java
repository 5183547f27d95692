package io.collector.hr.employee.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.collector.hr.employee.Employee;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An employee as the API shows it: {@code hireDate} a day ({@code "2024-01-15"}), {@code salary} a string ({@code "4500.00"}). */
record EmployeeResponse(
        UUID id,
        String employeeNumber,
        String firstName,
        String lastName,
        String email,
        String position,
        String department,
        LocalDate hireDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal salary,
        String currency,
        Instant createdAt) {

    static EmployeeResponse of(Employee e) {
        return new EmployeeResponse(e.id(), e.employeeNumber(), e.firstName(), e.lastName(), e.email(), e.position(),
                e.department(), e.hireDate(), e.salary(), e.currency(), e.createdAt());
    }
}
