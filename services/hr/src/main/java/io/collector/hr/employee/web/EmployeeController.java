package io.collector.hr.employee.web;

import io.collector.hr.employee.Employee;
import io.collector.hr.employee.EmployeeManagement;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** {@code /api/employees}: the tenant always comes from the token. */
@RestController
@RequestMapping("/api/employees")
class EmployeeController {

    private final EmployeeManagement employees;

    EmployeeController(EmployeeManagement employees) {
        this.employees = employees;
    }

    /** Hires: 201 with the employee and its number; publishes {@code employee.hired}. */
    @PostMapping
    ResponseEntity<EmployeeResponse> hire(@Valid @RequestBody CreateEmployeeRequest request) {
        Employee employee = employees.hire(CurrentTenant.id(), request.toNewEmployee());
        return ResponseEntity.created(URI.create("/api/employees/" + employee.id())).body(EmployeeResponse.of(employee));
    }

    /** In hiring (number) order. */
    @GetMapping
    List<EmployeeResponse> list() {
        return employees.list(CurrentTenant.id()).stream().map(EmployeeResponse::of).toList();
    }

    @GetMapping("/{id}")
    EmployeeResponse get(@PathVariable UUID id) {
        return EmployeeResponse.of(employees.get(CurrentTenant.id(), id));
    }
}
