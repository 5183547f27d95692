package io.collector.hr.payroll.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.collector.hr.payroll.PayrollLine;
import io.collector.hr.payroll.PayrollRun;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payroll run with its per-employee lines ({@code GET /api/payroll-runs/{id}}, and the answer to a POST). Money as strings. */
record PayrollRunResponse(
        UUID id,
        String period,
        String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalAmount,
        int employeeCount,
        Instant processedAt,
        List<Line> lines) {

    record Line(
            UUID employeeId,
            String employeeNumber,
            String firstName,
            String lastName,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal monthlySalary,
            int daysEmployed,
            int daysInPeriod,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {

        static Line of(PayrollLine l) {
            return new Line(l.employeeId(), l.employeeNumber(), l.firstName(), l.lastName(), l.monthlySalary(),
                    l.daysEmployed(), l.daysInPeriod(), l.amount());
        }
    }

    static PayrollRunResponse of(PayrollRun run) {
        return new PayrollRunResponse(run.id(), run.period().toString(), run.currency(), run.totalAmount(),
                run.employeeCount(), run.processedAt(), run.lines().stream().map(Line::of).toList());
    }
}
