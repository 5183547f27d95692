package io.collector.accounting;

import io.collector.events.EventEnvelope;
import io.collector.events.payload.PayrollProcessed;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.collector.accounting.InvoicePostingIntegrationTests.assertLine;
import static org.assertj.core.api.Assertions.assertThat;

/** payroll.processed through the broker posts the payroll's expense, once per payroll run. */
class PayrollPostingIntegrationTests extends AccountingIntegrationTest {

    @Test
    void payrollProcessedPostsSalariesExpenseAgainstPayrollLiabilitiesOnce() {
        String tenant = newTenant();
        PayrollProcessed payroll = payroll("USD", "50000.00");

        EventEnvelope<PayrollProcessed> event = deliver(tenant, payroll);

        JsonNode entry = awaitEntry(tenant, payroll.payrollId().toString());
        assertThat(entry.path("sourceEventType").asString()).isEqualTo("payroll.processed");
        assertThat(entry.path("sourceEventId").asString()).isEqualTo(event.eventId().toString());
        assertThat(entry.path("sourceDocument").asString()).isEqualTo("2024-01");
        assertThat(entry.path("description").asString()).isEqualTo("Payroll 2024-01 (25 employees)");
        assertThat(entry.path("lines")).hasSize(2);
        assertLine(entry.path("lines").get(0), "6000", "Salaries expense", "50000.00", "0.00");
        assertLine(entry.path("lines").get(1), "2300", "Payroll liabilities", "0.00", "50000.00");
        assertThat(balanceIn(tenant, "6000", "USD")).isEqualTo("50000.00");
        assertThat(balanceIn(tenant, "2300", "USD")).isEqualTo("50000.00");

        EventEnvelope<PayrollProcessed> copy = deliver(tenant, payroll);
        awaitHandled(copy);
        assertThat(entries(tenant, payroll.payrollId().toString())).hasSize(1);
        assertThat(balanceIn(tenant, "6000", "USD")).isEqualTo("50000.00");
    }
}
