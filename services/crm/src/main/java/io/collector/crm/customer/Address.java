package io.collector.crm.customer;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A postal address of a customer; its id is what other services refer to (an order's
 * {@code shippingAddressId}). {@code country} is an ISO 3166-1 alpha-2 code, upper case.
 */
public record Address(UUID id, String label, String line1, String line2, String postalCode, String city, String country) {

    public Address {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(line1, "line1");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(country, "country");
    }

    /** A new address with a fresh id; text is trimmed, optional blanks become absent, the country upper case. */
    public static Address create(String label, String line1, String line2, String postalCode, String city, String country) {
        return new Address(UUID.randomUUID(), optional(label), line1.strip(), optional(line2), postalCode.strip(),
                city.strip(), country.strip().toUpperCase(Locale.ROOT));
    }

    static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
