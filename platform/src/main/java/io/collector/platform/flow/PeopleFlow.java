package io.collector.platform.flow;

import io.collector.service.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

import static io.collector.platform.flow.Steps.expect;
import static io.collector.platform.flow.Steps.found;
import static io.collector.platform.flow.Steps.id;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The people flow through the REST APIs: hire an employee (Projects gets a resource), plan a task,
 * assign and complete it (HR records the hours), run the month's payroll (Accounting posts it).
 * One correlation id on every call. A tenant has one payroll per month, so run it once per tenant.
 */
public final class PeopleFlow {

    public record Result(String tenant, String correlationId, UUID employeeId, String employeeNumber, UUID taskId,
                         UUID payrollId, String payrollPeriod, String payrollTotal) {
    }

    static final String SALARY = "4500.00";
    static final String HOURS = "10.5";

    private final ToIntFunction<String> ports;
    private final Duration stepTimeout;

    public PeopleFlow(ToIntFunction<String> ports, Duration stepTimeout) {
        this.ports = ports;
        this.stepTimeout = stepTimeout;
    }

    public Result run(String tenant, String correlationId, Consumer<String> progress) {
        ApiClient hr = ApiClient.forTenant(ports.applyAsInt("hr"), tenant).withCorrelationId(correlationId);
        ApiClient projects = hr.onPort(ports.applyAsInt("projects"));
        ApiClient accounting = hr.onPort(ports.applyAsInt("accounting"));
        YearMonth period = YearMonth.now(ZoneOffset.UTC);

        JsonNode employee = expect(201, hr.post("/api/employees", """
                {"firstName": "Ada", "lastName": "Lovelace", "email": "ada.%s@example.com", "position": "Software Engineer",
                 "department": "Engineering", "hireDate": "%s", "salary": "%s", "currency": "EUR"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), period.atDay(1), SALARY)));
        UUID employeeId = UUID.fromString(employee.path("id").asString());
        progress.accept("hired " + employee.path("employeeNumber").asString() + " Ada Lovelace");
        Poll.until("Ada as a resource in Projects", stepTimeout, () -> found(projects.get("/api/resources/" + employeeId)));
        progress.accept("Projects can assign her");

        UUID projectId = id(expect(201, projects.post("/api/projects", "{\"name\": \"Website relaunch\"}")));
        UUID taskId = id(expect(201, projects.post("/api/projects/" + projectId + "/tasks",
                "{\"name\": \"Design review\", \"estimatedHours\": 8}")));
        expect(200, projects.post("/api/tasks/" + taskId + "/assign", "{\"resourceId\": \"" + employeeId + "\"}"));
        expect(200, projects.post("/api/tasks/" + taskId + "/complete", "{\"actualHours\": " + HOURS + "}"));
        progress.accept("task assigned to her and completed in " + HOURS + " h");
        Poll.until("the hours in her timesheet", stepTimeout, () -> found(hr.get("/api/timesheets?employeeId=" + employeeId + "&period=" + period))
                .filter(sheet -> new BigDecimal(sheet.path("totalHours").asString()).compareTo(new BigDecimal(HOURS)) == 0));
        progress.accept("HR's timesheet shows " + HOURS + " h");

        JsonNode payroll = expect(201, hr.post("/api/payroll-runs", "{\"period\": \"" + period + "\", \"currency\": \"EUR\"}"));
        UUID payrollId = id(payroll);
        progress.accept("payroll " + period + " processed: " + payroll.path("totalAmount").asString() + " EUR for "
                + payroll.path("employeeCount").asInt() + " employee(s)");
        Poll.until("the payroll's journal entry", stepTimeout,
                () -> found(accounting.get("/api/journal-entries?sourceReference=" + payrollId)).filter(entries -> entries.size() == 1));
        progress.accept("accounting posted salaries expense against payroll liabilities");

        return new Result(tenant, correlationId, employeeId, employee.path("employeeNumber").asString(), taskId, payrollId,
                period.toString(), payroll.path("totalAmount").asString());
    }
}
