package io.collector.hr.employee;

import io.collector.eventbus.EventPublisher;
import io.collector.service.numbering.DocumentNumbers;
import io.collector.service.web.ConflictException;
import io.collector.service.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Use cases of employees. Every one acts within one tenant. */
@Service
public class EmployeeManagement {

    private static final Logger log = LoggerFactory.getLogger(EmployeeManagement.class);

    private final EmployeeRepository employees;
    private final DocumentNumbers numbers;
    private final EventPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    EmployeeManagement(EmployeeRepository employees, DocumentNumbers numbers, EventPublisher publisher) {
        this.employees = employees;
        this.numbers = numbers;
        this.publisher = publisher;
    }

    /**
     * Hires: takes the tenant's next employee number, stores the employee and publishes
     * {@code employee.hired}, all in one transaction (a refused hire gives its number back).
     */
    @Transactional
    public Employee hire(String tenantId, NewEmployee hire) {
        if (employees.emailTaken(tenantId, hire.email().strip())) {
            throw new ConflictException("An employee with e-mail " + hire.email().strip() + " already exists");
        }
        String number = numbers.next(tenantId, Employee.NUMBER_PREFIX);
        Employee employee = Employee.hire(tenantId, number, hire, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (!employees.insert(employee)) {
            // Hired concurrently under the same address: the exception rolls the number back too.
            throw new ConflictException("An employee with e-mail " + employee.email() + " already exists");
        }
        publisher.publish(tenantId, employee.hired());
        log.info("Hired {} as {} for tenant {}", employee.employeeNumber(), employee.position(), tenantId);
        return employee;
    }

    @Transactional(readOnly = true)
    public Employee get(String tenantId, UUID id) {
        return employees.find(tenantId, id).orElseThrow(() -> new NotFoundException("Employee", id));
    }

    @Transactional(readOnly = true)
    public List<Employee> list(String tenantId) {
        return employees.findAll(tenantId);
    }

    @Transactional(readOnly = true)
    public boolean exists(String tenantId, UUID id) {
        return employees.exists(tenantId, id);
    }

    /** The employees on the payroll of a period ending on {@code lastDay}: hired on or before it. */
    @Transactional(readOnly = true)
    public List<Employee> employedBy(String tenantId, LocalDate lastDay) {
        return employees.hiredOnOrBefore(tenantId, lastDay);
    }
}
