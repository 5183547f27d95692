package io.collector.crm.customer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer of a tenant with its addresses (in the order they were given). A customer CRM only
 * knows from an invoice event is a placeholder: {@code known = false}, no name, no contact data.
 */
public record Customer(UUID id, String tenantId, String name, String email, String phone, boolean known,
                       Instant createdAt, List<Address> addresses) {

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (known != (name != null)) {
            throw new IllegalArgumentException("a known customer has a name, a placeholder has none");
        }
        addresses = List.copyOf(addresses);
    }

    /** A customer created through the API: a fresh id, trimmed text, optional blanks absent. */
    public static Customer create(String tenantId, String name, String email, String phone, List<Address> addresses,
                                  Instant now) {
        return new Customer(UUID.randomUUID(), tenantId, name.strip(), Address.optional(email), Address.optional(phone),
                true, now, addresses);
    }

    /** The customer an invoice event named although CRM had never seen it. */
    public static Customer placeholder(String tenantId, UUID id, Instant now) {
        return new Customer(id, tenantId, null, null, null, false, now, List.of());
    }

    /** The name, or {@code Unknown customer <id>} for a placeholder. */
    public String displayName() {
        return known ? name : "Unknown customer " + id;
    }
}
