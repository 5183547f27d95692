package io.collector.hr.payroll;

import io.collector.hr.employee.Employee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * What one employee gets in a month: the monthly salary, pro rata when hired within the month —
 * {@code salary × daysEmployed / daysInPeriod}, counting the hire day, rounded once to 2 decimals
 * HALF_UP. Names and salary are kept as they were when the run was processed.
 */
public record PayrollLine(UUID employeeId, String employeeNumber, String firstName, String lastName,
                          BigDecimal monthlySalary, int daysEmployed, int daysInPeriod, BigDecimal amount) {

    static final int SCALE = 2;

    /** The line of an employee hired on or before the period's last day. */
    static PayrollLine of(Employee employee, YearMonth period) {
        LocalDate first = period.atDay(1);
        LocalDate last = period.atEndOfMonth();
        if (!employee.employedOn(last)) {
            throw new IllegalArgumentException("Employee " + employee.employeeNumber() + " is hired on "
                    + employee.hireDate() + ", after " + period);
        }
        LocalDate start = employee.hireDate().isAfter(first) ? employee.hireDate() : first;
        int daysInPeriod = period.lengthOfMonth();
        int daysEmployed = last.getDayOfMonth() - start.getDayOfMonth() + 1;
        return new PayrollLine(employee.id(), employee.employeeNumber(), employee.firstName(), employee.lastName(),
                employee.salary(), daysEmployed, daysInPeriod,
                prorate(employee.salary(), daysEmployed, daysInPeriod));
    }

    /** {@code salary × days / daysInPeriod}: exact until the one rounding to cents, HALF_UP. */
    static BigDecimal prorate(BigDecimal monthlySalary, int days, int daysInPeriod) {
        if (days < 0 || days > daysInPeriod) {
            throw new IllegalArgumentException(days + " days out of " + daysInPeriod);
        }
        return monthlySalary.multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(daysInPeriod), SCALE, RoundingMode.HALF_UP);
    }
}
