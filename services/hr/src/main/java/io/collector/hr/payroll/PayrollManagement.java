package io.collector.hr.payroll;

import io.collector.eventbus.EventPublisher;
import io.collector.hr.employee.EmployeeManagement;
import io.collector.service.web.ConflictException;
import io.collector.service.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Use cases of payroll runs. Every one acts within one tenant. */
@Service
public class PayrollManagement {

    private static final Logger log = LoggerFactory.getLogger(PayrollManagement.class);

    private final PayrollRunRepository runs;
    private final EmployeeManagement employees;
    private final EventPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    PayrollManagement(PayrollRunRepository runs, EmployeeManagement employees, EventPublisher publisher) {
        this.runs = runs;
        this.employees = employees;
        this.publisher = publisher;
    }

    /**
     * Processes the payroll of {@code period} and publishes {@code payroll.processed}, in one
     * transaction. {@code currency} may be null: then the one currency the period's employees are paid in.
     *
     * @throws ConflictException the period already has a processed run in that currency (409)
     * @throws io.collector.service.web.UnprocessableException nobody to pay, or mixed currencies and none named (422)
     */
    @Transactional
    public PayrollRun process(String tenantId, YearMonth period, String currency) {
        PayrollRun run = PayrollRun.process(tenantId, period, currency,
                employees.employedBy(tenantId, period.atEndOfMonth()), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        // The unique key (tenant, period, currency) decides, also between concurrent requests.
        if (!runs.insert(run)) {
            throw new ConflictException("The payroll of " + period + " in " + run.currency() + " is already processed");
        }
        publisher.publish(tenantId, run.processed());
        log.info("Processed payroll {} {} of tenant {}: {} {} for {} employee(s)", period, run.currency(), tenantId,
                run.totalAmount(), run.currency(), run.employeeCount());
        return run;
    }

    @Transactional(readOnly = true)
    public PayrollRun get(String tenantId, UUID id) {
        return runs.find(tenantId, id).orElseThrow(() -> new NotFoundException("Payroll run", id));
    }

    /** Without lines; of one period when {@code period} is given. */
    @Transactional(readOnly = true)
    public List<PayrollRun> list(String tenantId, YearMonth period) {
        return runs.findAll(tenantId, period);
    }
}
