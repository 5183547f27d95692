package io.collector.accounting;

import io.collector.eventbus.topology.QueueNames;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
import io.collector.events.payload.PayrollProcessed;
import io.collector.service.testkit.ServiceIntegrationTest;
import io.collector.service.testkit.TestRun;
import io.micrometer.core.instrument.Counter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The one Spring context of the accounting integration tests: real HTTP, RabbitMQ and PostgreSQL. */
@SpringBootTest(classes = AccountingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=accounting", "spring.profiles.active=test"})
abstract class AccountingIntegrationTest extends ServiceIntegrationTest {

    @DynamicPropertySource
    static void run(DynamicPropertyRegistry registry) {
        TestRun.register(registry, AccountingApplication.NAME);
    }

    static InvoiceIssued invoice(String currency, String subtotal, String taxTotal, String grandTotal) {
        UUID id = UUID.randomUUID();
        return new InvoiceIssued(id, "INV-" + id.toString().substring(0, 8), UUID.randomUUID(), UUID.randomUUID(), null,
                currency, new BigDecimal(subtotal), new BigDecimal(taxTotal), new BigDecimal(grandTotal),
                Instant.now().plus(30, ChronoUnit.DAYS),
                List.of(new InvoiceIssued.LineItem("Office chairs", BigDecimal.ONE, new BigDecimal(subtotal), new BigDecimal(subtotal))));
    }

    static InvoicePaid payment(InvoiceIssued invoice, String amount) {
        return new InvoicePaid(invoice.invoiceId(), invoice.invoiceNumber(), invoice.customerId(), new BigDecimal(amount),
                "STRIPE", Instant.now(), invoice.currency());
    }

    static PayrollProcessed payroll(String currency, String total) {
        return new PayrollProcessed(UUID.randomUUID(), "2024-01", new BigDecimal(total), currency, 25, Instant.now());
    }

    /** The tenant's journal entries for a source reference or document (invoice id or number, payroll id or period). */
    JsonNode entries(String tenant, String sourceReference) {
        var response = api(tenant).get("/api/journal-entries?sourceReference=" + sourceReference);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Waits for the one entry of this source and returns it. */
    JsonNode awaitEntry(String tenant, String sourceReference) {
        JsonNode entries = await().atMost(WAIT).until(() -> entries(tenant, sourceReference), e -> e.size() >= 1);
        assertThat(entries).as("entries of %s", sourceReference).hasSize(1);
        return entries.get(0);
    }

    JsonNode balance(String tenant, String code) {
        var response = api(tenant).get("/api/accounts/" + code + "/balance");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The account's balance in the currency as a string ({@code "1500.00"}), "none" if never posted in it. */
    String balanceIn(String tenant, String code, String currency) {
        for (JsonNode balance : balance(tenant, code).path("balances")) {
            if (balance.path("currency").asString().equals(currency)) {
                return balance.path("balance").asString();
            }
        }
        return "none";
    }

    long rows(String table, String tenant) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = ?").param(tenant).query(Long.class).single();
    }

    double meter(String name, String type, String... tags) {
        Counter counter = meters.find(name).tags("consumer", QueueNames.queue(service, type), "type", type).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

}
