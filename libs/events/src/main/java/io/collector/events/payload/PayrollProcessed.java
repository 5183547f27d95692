package io.collector.events.payload;

import io.collector.events.EventPayload;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** {@code payroll.processed}: a payroll run for a period was processed (HR → Accounting). */
public record PayrollProcessed(
        UUID payrollId,
        String payrollPeriod,
        BigDecimal totalAmount,
        String currency,
        int employeeCount,
        Instant processedAt) implements EventPayload {
}
