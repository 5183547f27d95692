package io.collector.crm.customer;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerTests {

    private static final Instant NOW = Instant.parse("2024-01-16T10:00:00Z");

    @Test
    void aCreatedCustomerIsKnownWithTrimmedTextAndUpperCaseCountries() {
        Customer customer = Customer.create("t", "  ACME GmbH ", " ", null,
                List.of(Address.create(" ", " Main St 1 ", null, " 10115 ", " Berlin ", "de")), NOW);

        assertThat(customer.known()).isTrue();
        assertThat(customer.displayName()).isEqualTo("ACME GmbH");
        assertThat(customer.email()).isNull();
        assertThat(customer.addresses().get(0)).satisfies(address -> {
            assertThat(address.label()).isNull();
            assertThat(address.line1()).isEqualTo("Main St 1");
            assertThat(address.postalCode()).isEqualTo("10115");
            assertThat(address.city()).isEqualTo("Berlin");
            assertThat(address.country()).isEqualTo("DE");
        });
    }

    @Test
    void aPlaceholderHasNoNameAndIsShownAsUnknownCustomer() {
        UUID id = UUID.randomUUID();

        Customer placeholder = Customer.placeholder("t", id, NOW);

        assertThat(placeholder.known()).isFalse();
        assertThat(placeholder.name()).isNull();
        assertThat(placeholder.displayName()).isEqualTo("Unknown customer " + id);
        assertThat(placeholder.addresses()).isEmpty();
    }

    @Test
    void onlyAPlaceholderLacksAName() {
        assertThatThrownBy(() -> new Customer(UUID.randomUUID(), "t", null, null, null, true, NOW, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
