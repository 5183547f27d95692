package io.collector.hr.payroll.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.YearMonth;

/**
 * {@code POST /api/payroll-runs}: the month ({@code "2024-01"}) and, optionally, the currency of the run
 * (needed only when the month's employees are paid in several currencies).
 */
record ProcessPayrollRequest(
        @NotNull @Pattern(regexp = PERIOD, message = "must be a year and month such as \"2024-01\" (YYYY-MM)") String period,
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be a three-letter ISO 4217 code such as USD") String currency) {

    static final String PERIOD = "^\\d{4}-(0[1-9]|1[0-2])$";

    YearMonth yearMonth() {
        return YearMonth.parse(period);
    }
}
