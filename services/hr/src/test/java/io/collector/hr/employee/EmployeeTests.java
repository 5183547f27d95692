package io.collector.hr.employee;

import io.collector.events.payload.EmployeeHired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmployeeTests {

    static final Instant NOW = Instant.parse("2024-01-10T09:00:00.000Z");

    static NewEmployee newEmployee(String department, String salary) {
        return new NewEmployee(" John ", " Doe ", " john.doe@company.com ", " Software Engineer ", department,
                LocalDate.of(2024, 1, 15), new BigDecimal(salary), "USD");
    }

    static Employee withNumber(String number) {
        return Employee.hire("tenant", number, newEmployee(null, "4500.00"), NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EMP-001", "EMP-042", "EMP-999", "EMP-1000"})
    void employeeNumbersAreEmpAndAtLeastThreeDigits(String number) {
        assertThat(withNumber(number).employeeNumber()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EMP-1", "EMP-01", "emp-001", "OFF-001", "EMP-2024-001", "EMP001", ""})
    void otherNumbersAreRefused(String number) {
        assertThatThrownBy(() -> withNumber(number)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNumberSeriesIsEmpAndDocumentNumbersFormatGivesThreeDigits() {
        // DocumentNumbers.next(tenant, "EMP") formats "%s-%03d": the first three hires of a tenant.
        assertThat(Employee.NUMBER_PREFIX).isEqualTo("EMP");
        for (int seq = 1; seq <= 3; seq++) {
            assertThat(withNumber(String.format("%s-%03d", Employee.NUMBER_PREFIX, seq)).employeeNumber())
                    .isEqualTo("EMP-00" + seq);
        }
    }

    @Test
    void theHireDateIsPublishedAsTheStartOfThatDayInUtc() {
        Employee employee = withNumber("EMP-001");

        EmployeeHired hired = employee.hired();

        assertThat(hired.hireDate()).isEqualTo(Instant.parse("2024-01-15T00:00:00Z"));
        assertThat(hired.employeeId()).isEqualTo(employee.id());
        assertThat(hired.employeeNumber()).isEqualTo("EMP-001");
        assertThat(hired.firstName()).isEqualTo("John");
        assertThat(hired.lastName()).isEqualTo("Doe");
        assertThat(hired.email()).isEqualTo("john.doe@company.com");
        assertThat(hired.position()).isEqualTo("Software Engineer");
        assertThat(hired.department()).isNull();
    }

    @Test
    void aBlankDepartmentIsNone() {
        assertThat(Employee.hire("tenant", "EMP-001", newEmployee("  ", "4500.00"), NOW).department()).isNull();
        assertThat(Employee.hire("tenant", "EMP-001", newEmployee(" Engineering ", "4500.00"), NOW).department())
                .isEqualTo("Engineering");
    }

    @Test
    void theSalaryIsPositiveWithAtMostTwoDecimalsAndKeptToCents() {
        assertThat(Employee.hire("tenant", "EMP-001", newEmployee(null, "4500"), NOW).salary())
                .isEqualTo(new BigDecimal("4500.00"));
        assertThat(Employee.hire("tenant", "EMP-001", newEmployee(null, "4500.500"), NOW).salary())
                .isEqualTo(new BigDecimal("4500.50"));
        assertThatThrownBy(() -> Employee.hire("tenant", "EMP-001", newEmployee(null, "0"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Employee.hire("tenant", "EMP-001", newEmployee(null, "10.005"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmployeeIsEmployedFromTheHireDayOn() {
        Employee employee = withNumber("EMP-001");

        assertThat(employee.employedOn(LocalDate.of(2024, 1, 14))).isFalse();
        assertThat(employee.employedOn(LocalDate.of(2024, 1, 15))).isTrue();
        assertThat(employee.employedOn(LocalDate.of(2030, 1, 1))).isTrue();
    }
}
