package io.collector.procurement.supplier.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Body of {@code POST /api/suppliers}. */
record RegisterSupplierRequest(
        @NotBlank @Size(max = 200) String name,
        @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") @Size(max = 320) String email,
        @PositiveOrZero @Max(3650) Integer leadTimeDays,
        @Size(max = 1000) List<@NotNull UUID> productIds) {
}
