package io.collector.hr.employee.web;

import io.collector.hr.employee.NewEmployee;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code POST /api/employees}. {@code salary}: the monthly gross, a JSON string ({@code "4500.00"}) or
 * number, greater than 0 with at most 2 decimals. {@code hireDate}: {@code YYYY-MM-DD}.
 */
record CreateEmployeeRequest(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        // The pattern is the one employee.hired's schema holds the address to (a dot in the domain).
        @NotBlank @Size(max = 254) @Email
        @Pattern(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an e-mail address such as \"john.doe@company.com\"")
        String email,
        @NotBlank @Size(max = 200) String position,
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank when given") String department,
        @NotNull @IsoDate String hireDate,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 17, fraction = 2) BigDecimal salary,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be a three-letter ISO 4217 code such as USD") String currency) {

    NewEmployee toNewEmployee() {
        return new NewEmployee(firstName, lastName, email, position, department, LocalDate.parse(hireDate), salary,
                currency);
    }
}
