package io.collector.hr.employee;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What hiring needs; the tenant is the caller's and the number is given by the service. */
public record NewEmployee(String firstName, String lastName, String email, String position, String department,
                          LocalDate hireDate, BigDecimal salary, String currency) {
}
