package io.collector.hr.employee;

import io.collector.events.payload.EmployeeHired;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An employee of one tenant. {@code salary} is the monthly gross in {@code currency}; {@code hireDate}
 * is a calendar day (the first day of employment), published in {@code employee.hired} as that day's
 * start in UTC.
 */
public record Employee(UUID id, String tenantId, String employeeNumber, String firstName, String lastName,
                       String email, String position, String department, LocalDate hireDate, BigDecimal salary,
                       String currency, Instant createdAt) {

    /** Employee numbers are {@code EMP-001}, {@code EMP-002}, … per tenant. */
    public static final String NUMBER_PREFIX = "EMP";
    static final Pattern NUMBER = Pattern.compile(NUMBER_PREFIX + "-\\d{3,}");

    public Employee {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(hireDate, "hireDate");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
        if (employeeNumber == null || !NUMBER.matcher(employeeNumber).matches()) {
            throw new IllegalArgumentException("employee number must look like EMP-001, not " + employeeNumber);
        }
        if (salary == null || salary.signum() <= 0 || salary.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("salary must be greater than 0 with at most 2 decimals, not " + salary);
        }
        salary = salary.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A new hire: every text stripped, a blank department is none. */
    static Employee hire(String tenantId, String employeeNumber, NewEmployee hire, Instant now) {
        String department = hire.department() == null || hire.department().isBlank() ? null : hire.department().strip();
        return new Employee(UUID.randomUUID(), tenantId, employeeNumber, hire.firstName().strip(),
                hire.lastName().strip(), hire.email().strip(), hire.position().strip(), department, hire.hireDate(),
                hire.salary(), hire.currency(), now);
    }

    /** The start of the hire day in UTC: how {@code employee.hired} carries a calendar day as an instant. */
    public Instant hireInstant() {
        return hireDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Employed on that day: hired on or before it (there is no termination yet). */
    public boolean employedOn(LocalDate day) {
        return !hireDate.isAfter(day);
    }

    EmployeeHired hired() {
        return new EmployeeHired(id, employeeNumber, firstName, lastName, email, position, department, hireInstant());
    }
}
