package io.collector.hr.payroll;

import io.collector.events.payload.PayrollProcessed;
import io.collector.hr.employee.Employee;
import io.collector.service.web.UnprocessableException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A processed payroll run: one tenant, one month, one currency. Its total is the sum of its lines,
 * each rounded on its own (so the total matches what the employees are paid). {@code lines} is empty
 * where a run is listed rather than fetched by id.
 */
public record PayrollRun(UUID id, String tenantId, YearMonth period, String currency, BigDecimal totalAmount,
                         int employeeCount, Instant processedAt, List<PayrollLine> lines) {

    public PayrollRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(totalAmount, "totalAmount");
        Objects.requireNonNull(processedAt, "processedAt");
        lines = List.copyOf(lines);
    }

    /**
     * Computes the run of {@code period} over the tenant's employees. Active are those hired on or
     * before the period's last day. Without {@code currency} the run takes the one currency the active
     * employees are paid in; when they are paid in several, the caller must name one (one run per
     * currency).
     *
     * @throws UnprocessableException no active employee (in that currency), or mixed currencies and none named
     */
    static PayrollRun process(String tenantId, YearMonth period, String currency, List<Employee> employees,
                              Instant now) {
        LocalDate last = period.atEndOfMonth();
        List<Employee> active = employees.stream().filter(e -> e.employedOn(last)).toList();
        if (active.isEmpty()) {
            throw new UnprocessableException("No employee is employed in " + period + " (hired on or before " + last
                    + "): there is nothing to pay");
        }
        String runCurrency = currency != null ? currency : onlyCurrency(active, period);
        List<PayrollLine> lines = active.stream().filter(e -> e.currency().equals(runCurrency))
                .map(e -> PayrollLine.of(e, period)).toList();
        if (lines.isEmpty()) {
            throw new UnprocessableException("No employee paid in " + runCurrency + " is employed in " + period
                    + ": there is nothing to pay");
        }
        BigDecimal total = lines.stream().map(PayrollLine::amount).reduce(BigDecimal.ZERO.setScale(PayrollLine.SCALE),
                BigDecimal::add);
        return new PayrollRun(UUID.randomUUID(), tenantId, period, runCurrency, total, lines.size(), now, lines);
    }

    private static String onlyCurrency(List<Employee> active, YearMonth period) {
        List<String> currencies = active.stream().map(Employee::currency).distinct().sorted().toList();
        if (currencies.size() > 1) {
            throw new UnprocessableException("The employees of " + period + " are paid in " + String.join(", ", currencies)
                    + ": name the currency of the run (one run per currency)");
        }
        return currencies.get(0);
    }

    PayrollRun withLines(List<PayrollLine> lines) {
        return new PayrollRun(id, tenantId, period, currency, totalAmount, employeeCount, processedAt, lines);
    }

    PayrollProcessed processed() {
        return new PayrollProcessed(id, period.toString(), totalAmount, currency, employeeCount, processedAt);
    }
}
