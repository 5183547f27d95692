package io.collector.crm.customer.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.collector.crm.customer.Address;
import io.collector.crm.customer.CurrencyBalance;
import io.collector.crm.customer.Customer;
import io.collector.crm.customer.CustomerOverview;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer as the API shows it. Money is a decimal string ({@code "1500.00"}) as on the wire.
 * A placeholder ({@code known: false}) is named {@code Unknown customer <id>}.
 */
record CustomerResponse(
        UUID id,
        String name,
        String email,
        String phone,
        boolean known,
        Instant createdAt,
        List<AddressResponse> addresses,
        List<BalanceResponse> balances,
        int paymentCount) {

    record AddressResponse(UUID id, String label, String line1, String line2, String postalCode, String city, String country) {
        static AddressResponse of(Address a) {
            return new AddressResponse(a.id(), a.label(), a.line1(), a.line2(), a.postalCode(), a.city(), a.country());
        }
    }

    record BalanceResponse(
            String currency,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal outstanding,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lifetimeValue) {
        static BalanceResponse of(CurrencyBalance b) {
            return new BalanceResponse(b.currency(), b.outstanding(), b.lifetimeValue());
        }
    }

    static CustomerResponse of(CustomerOverview overview) {
        Customer c = overview.customer();
        return new CustomerResponse(c.id(), c.displayName(), c.email(), c.phone(), c.known(), c.createdAt(),
                c.addresses().stream().map(AddressResponse::of).toList(),
                overview.balances().stream().map(BalanceResponse::of).toList(),
                overview.paymentCount());
    }
}
