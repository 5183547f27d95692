package io.collector.invoices.invoice.web;

import io.collector.invoices.invoice.InvoiceManagement;
import io.collector.invoices.invoice.InvoiceStatus;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Invoices of the caller's tenant. They are drafted by {@code delivery.confirmed}, not through the API. */
@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

    private final InvoiceManagement invoices;

    InvoiceController(InvoiceManagement invoices) {
        this.invoices = invoices;
    }

    /** 200 with the lines, payments and outstanding amount; 404 unknown (or another tenant's). */
    @GetMapping("/{id}")
    InvoiceResponse get(@PathVariable UUID id) {
        return InvoiceResponse.of(invoices.get(CurrentTenant.id(), id));
    }

    /** Newest first, at most {@code limit}; every filter is optional. */
    @GetMapping
    List<InvoiceResponse> list(@RequestParam(required = false) InvoiceStatus status,
                               @RequestParam(required = false) UUID customerId,
                               @RequestParam(required = false) UUID orderId,
                               @RequestParam(required = false) UUID deliveryNoteId,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return invoices.list(CurrentTenant.id(), status, customerId, orderId, deliveryNoteId, limit).stream()
                .map(InvoiceResponse::of).toList();
    }

    /** 200 with the issued invoice (number, due date) and {@code invoice.issued}; 409 unless DRAFT. */
    @PostMapping("/{id}/issue")
    InvoiceResponse issue(@PathVariable UUID id) {
        return InvoiceResponse.of(invoices.issue(CurrentTenant.id(), id));
    }

    /**
     * 201 with the invoice including the new payment; {@code invoice.paid} when it settles the invoice.
     * 409 on a DRAFT or PAID invoice; 422 when the amount exceeds the outstanding amount.
     */
    @PostMapping("/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    InvoiceResponse recordPayment(@PathVariable UUID id, @Valid @RequestBody RecordPaymentRequest request) {
        String method = request.paymentMethod() == null ? null : request.paymentMethod().strip();
        return InvoiceResponse.of(invoices.recordPayment(CurrentTenant.id(), id, request.amount(), method,
                request.paymentDate()));
    }
}
