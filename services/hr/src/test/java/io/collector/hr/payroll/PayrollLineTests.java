package io.collector.hr.payroll;

import io.collector.hr.employee.Employee;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pro rata: salary × days employed in the month (the hire day counts) / days in the month, 2 decimals HALF_UP. */
class PayrollLineTests {

    static Employee employee(String salary, String hireDate) {
        return employee(salary, hireDate, "EUR");
    }

    static Employee employee(String salary, String hireDate, String currency) {
        return new Employee(UUID.randomUUID(), "tenant", "EMP-001", "Jane", "Doe", "jane@example.com", "Engineer",
                null, LocalDate.parse(hireDate), new BigDecimal(salary), currency, Instant.EPOCH);
    }

    static PayrollLine line(String salary, String hireDate, String period) {
        return PayrollLine.of(employee(salary, hireDate), YearMonth.parse(period));
    }

    @Test
    void anEmployeeHiredBeforeTheMonthGetsTheFullSalary() {
        PayrollLine line = line("4500.00", "2023-06-12", "2024-01");

        assertThat(line.amount()).isEqualByComparingTo("4500.00");
        assertThat(line.daysEmployed()).isEqualTo(31);
        assertThat(line.daysInPeriod()).isEqualTo(31);
    }

    @Test
    void anEmployeeHiredOnTheFirstGetsTheFullSalary() {
        PayrollLine line = line("4500.00", "2024-04-01", "2024-04");

        assertThat(line.amount()).isEqualTo(new BigDecimal("4500.00"));
        assertThat(line.daysEmployed()).isEqualTo(30);
        assertThat(line.daysInPeriod()).isEqualTo(30);
    }

    @Test
    void anEmployeeHiredOnTheLastDayGetsOneDay() {
        PayrollLine line = line("3100.00", "2024-01-31", "2024-01");

        assertThat(line.daysEmployed()).isEqualTo(1);
        assertThat(line.amount()).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void theHireDayCountsAsADayEmployed() {
        PayrollLine line = line("3100.00", "2024-01-17", "2024-01");

        assertThat(line.daysEmployed()).isEqualTo(15);
        assertThat(line.amount()).isEqualTo(new BigDecimal("1500.00"));
    }

    @Test
    void februaryOfALeapYearHas29Days() {
        PayrollLine mid = line("2900.00", "2024-02-15", "2024-02");
        PayrollLine leapDay = line("2900.00", "2024-02-29", "2024-02");

        assertThat(mid.daysInPeriod()).isEqualTo(29);
        assertThat(mid.daysEmployed()).isEqualTo(15);
        assertThat(mid.amount()).isEqualTo(new BigDecimal("1500.00"));
        assertThat(leapDay.daysEmployed()).isEqualTo(1);
        assertThat(leapDay.amount()).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void februaryOfACommonYearHas28Days() {
        PayrollLine line = line("2800.00", "2023-02-15", "2023-02");

        assertThat(line.daysInPeriod()).isEqualTo(28);
        assertThat(line.daysEmployed()).isEqualTo(14);
        assertThat(line.amount()).isEqualTo(new BigDecimal("1400.00"));
        assertThat(line("2800.00", "2023-02-28", "2023-02").amount()).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void eachLineIsRoundedOnceToCentsHalfUp() {
        // 1000.01 × 15 / 30 = 500.005: HALF_UP gives 500.01 (HALF_EVEN would give 500.00).
        assertThat(line("1000.01", "2024-04-16", "2024-04").amount()).isEqualTo(new BigDecimal("500.01"));
        // 1000.00 × 1 / 31 = 32.2580… → 32.26; × 3 / 31 = 96.7741… → 96.77.
        assertThat(line("1000.00", "2024-01-31", "2024-01").amount()).isEqualTo(new BigDecimal("32.26"));
        assertThat(line("1000.00", "2024-01-29", "2024-01").amount()).isEqualTo(new BigDecimal("96.77"));
        // Not rounded before dividing: 0.01 × 15 / 30 = 0.005 → 0.01.
        assertThat(line("0.01", "2024-04-16", "2024-04").amount()).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void amountsAlwaysHaveTwoDecimals() {
        assertThat(line("4500", "2020-01-01", "2024-01").amount()).isEqualTo(new BigDecimal("4500.00"));
        assertThat(PayrollLine.prorate(new BigDecimal("3000.00"), 10, 30)).isEqualTo(new BigDecimal("1000.00"));
    }

    @Test
    void anEmployeeHiredAfterTheMonthHasNoLine() {
        assertThatThrownBy(() -> line("4500.00", "2024-02-01", "2024-01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after 2024-01");
    }
}
