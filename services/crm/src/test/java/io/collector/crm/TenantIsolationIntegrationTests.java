package io.collector.crm;

import io.collector.events.payload.InvoiceIssued;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Another tenant neither sees nor changes this tenant's customers. */
class TenantIsolationIntegrationTests extends CrmIntegrationTest {

    @Test
    void anotherTenantGetsNotFoundOnEveryResourceOfTheFirst() {
        String owner = newTenant();
        String other = newTenant();
        UUID customer = createCustomer(owner, "ACME");
        InvoiceIssued invoice = issued(customer, "EUR", "10.00");
        deliver(owner, invoice);
        deliver(owner, paid(invoice));
        awaitCustomer(owner, customer, balanceIs("EUR", "0.00", "10.00"));

        assertThat(api(other).get("/api/customers/" + customer).status()).isEqualTo(404);
        assertThat(api(other).get("/api/customers/" + customer + "/payments").status()).isEqualTo(404);
        assertThat(api(other).get("/api/customers").json()).isEmpty();
        assertThat(api(other).get("/api/customers?q=ACME").json()).isEmpty();
        assertThat(payments(owner, customer)).hasSize(1);
    }

    @Test
    void eventsOfOneTenantNeverTouchAnotherTenantsCustomers() {
        String a = newTenant();
        String b = newTenant();
        UUID customerOfB = createCustomer(b, "Beta");
        InvoiceIssued invoiceOfB = issued(customerOfB, "EUR", "70.00");
        deliver(b, invoiceOfB);
        JsonNode before = awaitCustomer(b, customerOfB, balanceIs("EUR", "70.00", "0.00"));

        // Tenant A's events naming B's customer, and even B's invoice id.
        InvoiceIssued foreign = issued(customerOfB, "EUR", "500.00");
        awaitHandled(deliver(a, foreign));
        awaitHandled(deliver(a, paid(foreign)));
        awaitHandled(deliver(a, paid(invoiceOfB)));

        assertThat(customer(b, customerOfB)).isEqualTo(before);
        assertThat(payments(b, customerOfB)).isEmpty();
        JsonNode seenByA = customer(a, customerOfB);
        assertThat(seenByA.path("known").asBoolean()).as("A only has its own placeholder").isFalse();
        assertThat(balance(seenByA, "EUR")).containsExactly("0.00", "570.00");
        assertThat(count("customers", b)).isEqualTo(1);
        assertThat(count("customer_invoices", b)).isEqualTo(1);
    }
}
