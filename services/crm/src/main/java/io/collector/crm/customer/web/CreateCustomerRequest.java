package io.collector.crm.customer.web;

import io.collector.crm.customer.Address;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * {@code POST /api/customers}. {@code addresses} is required but may be empty; optional text that is
 * present must not be blank.
 */
record CreateCustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 254) @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an e-mail address such as jane@example.com") String email,
        @Size(max = 50) @Pattern(regexp = "^\\+?[0-9(][0-9 ()./-]{2,}$", message = "must be a phone number such as +49 30 1234567") String phone,
        @NotNull @Size(max = 20) List<@NotNull @Valid AddressRequest> addresses) {

    record AddressRequest(
            @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String label,
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String line2,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String city,
            @NotNull @CountryCode String country) {

        Address toAddress() {
            return Address.create(label, line1, line2, postalCode, city, country);
        }
    }

    List<Address> toAddresses() {
        return addresses.stream().map(AddressRequest::toAddress).toList();
    }
}
