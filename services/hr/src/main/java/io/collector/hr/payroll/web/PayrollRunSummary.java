package io.collector.hr.payroll.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.collector.hr.payroll.PayrollRun;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payroll run in a list, without lines. */
record PayrollRunSummary(
        UUID id,
        String period,
        String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalAmount,
        int employeeCount,
        Instant processedAt) {

    static PayrollRunSummary of(PayrollRun run) {
        return new PayrollRunSummary(run.id(), run.period().toString(), run.currency(), run.totalAmount(),
                run.employeeCount(), run.processedAt());
    }
}
