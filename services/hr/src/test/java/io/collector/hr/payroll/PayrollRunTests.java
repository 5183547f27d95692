package io.collector.hr.payroll;

import io.collector.events.payload.PayrollProcessed;
import io.collector.hr.employee.Employee;
import io.collector.service.web.UnprocessableException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static io.collector.hr.payroll.PayrollLineTests.employee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayrollRunTests {

    static final YearMonth JANUARY = YearMonth.of(2024, 1);
    static final Instant NOW = Instant.parse("2024-01-31T18:00:00.000Z");

    static PayrollRun process(String currency, Employee... employees) {
        return PayrollRun.process("tenant", JANUARY, currency, List.of(employees), NOW);
    }

    @Test
    void theTotalIsTheSumOfTheLinesEachRoundedOnItsOwn() {
        // Each 100.00 × 1/31 = 3.2258… → 3.23; three of them 9.69 (rounding the exact sum would give 9.68).
        PayrollRun run = process(null, employee("100.00", "2024-01-31"), employee("100.00", "2024-01-31"),
                employee("100.00", "2024-01-31"));

        assertThat(run.lines()).extracting(PayrollLine::amount).containsOnly(new BigDecimal("3.23"));
        assertThat(run.totalAmount()).isEqualTo(new BigDecimal("9.69"));
        assertThat(run.employeeCount()).isEqualTo(3);
    }

    @Test
    void onlyEmployeesHiredByThePeriodsLastDayArePaid() {
        PayrollRun run = process(null, employee("3000.00", "2023-06-01"), employee("3100.00", "2024-01-17"),
                employee("5000.00", "2024-02-01"));

        assertThat(run.employeeCount()).isEqualTo(2);
        assertThat(run.totalAmount()).isEqualTo(new BigDecimal("4500.00"));
    }

    @Test
    void aPeriodWithoutActiveEmployeesIsUnprocessable() {
        assertThatThrownBy(() -> process(null)).isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("No employee is employed in 2024-01");
        assertThatThrownBy(() -> process(null, employee("3000.00", "2024-02-01")))
                .isInstanceOf(UnprocessableException.class);
    }

    @Test
    void theOnlyCurrencyOfTheEmployeesIsTheRunsCurrency() {
        PayrollRun run = process(null, employee("3000.00", "2023-06-01", "USD"), employee("1000.00", "2023-06-01", "USD"),
                employee("9000.00", "2024-02-01", "EUR"));

        assertThat(run.currency()).isEqualTo("USD");
        assertThat(run.totalAmount()).isEqualTo(new BigDecimal("4000.00"));
    }

    @Test
    void mixedCurrenciesWithoutANamedCurrencyAreUnprocessable() {
        assertThatThrownBy(() -> process(null, employee("3000.00", "2023-06-01", "USD"),
                employee("2000.00", "2023-06-01", "EUR")))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("EUR, USD");
    }

    @Test
    void aNamedCurrencyPaysOnlyTheEmployeesPaidInIt() {
        PayrollRun run = process("EUR", employee("3000.00", "2023-06-01", "USD"), employee("2000.00", "2023-06-01", "EUR"));

        assertThat(run.currency()).isEqualTo("EUR");
        assertThat(run.employeeCount()).isEqualTo(1);
        assertThat(run.totalAmount()).isEqualTo(new BigDecimal("2000.00"));
    }

    @Test
    void aNamedCurrencyNobodyIsPaidInIsUnprocessable() {
        assertThatThrownBy(() -> process("GBP", employee("3000.00", "2023-06-01", "USD")))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("GBP");
    }

    @Test
    void processedRunIsPublishedAsPayrollProcessed() {
        PayrollRun run = process(null, employee("3000.00", "2023-06-01"));

        assertThat(run.processed()).isEqualTo(new PayrollProcessed(run.id(), "2024-01", new BigDecimal("3000.00"), "EUR",
                1, NOW));
    }
}
