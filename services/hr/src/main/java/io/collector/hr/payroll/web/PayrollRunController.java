package io.collector.hr.payroll.web;

import io.collector.hr.payroll.PayrollManagement;
import io.collector.hr.payroll.PayrollRun;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** {@code /api/payroll-runs}: the tenant always comes from the token. */
@RestController
@RequestMapping("/api/payroll-runs")
class PayrollRunController {

    private final PayrollManagement payroll;

    PayrollRunController(PayrollManagement payroll) {
        this.payroll = payroll;
    }

    /** 201 with the run and its lines; 409 when the month is already processed in that currency; 422 nobody to pay. */
    @PostMapping
    ResponseEntity<PayrollRunResponse> process(@Valid @RequestBody ProcessPayrollRequest request) {
        PayrollRun run = payroll.process(CurrentTenant.id(), request.yearMonth(), request.currency());
        return ResponseEntity.created(URI.create("/api/payroll-runs/" + run.id())).body(PayrollRunResponse.of(run));
    }

    /** Newest period first, without lines; {@code period} (YYYY-MM) narrows to one month. */
    @GetMapping
    List<PayrollRunSummary> list(@RequestParam(required = false)
                                 @Pattern(regexp = ProcessPayrollRequest.PERIOD, message = "must be a year and month such as \"2024-01\" (YYYY-MM)")
                                 String period) {
        return payroll.list(CurrentTenant.id(), period == null ? null : YearMonth.parse(period)).stream()
                .map(PayrollRunSummary::of).toList();
    }

    @GetMapping("/{id}")
    PayrollRunResponse get(@PathVariable UUID id) {
        return PayrollRunResponse.of(payroll.get(CurrentTenant.id(), id));
    }
}
