package io.collector.delivery.note.web;

import io.collector.delivery.note.DeliveryNoteManagement;
import io.collector.delivery.note.DeliveryNoteStatus;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Delivery notes of the caller's tenant. Notes are created by {@code order.confirmed}, not through the API. */
@RestController
@RequestMapping("/api/delivery-notes")
class DeliveryNoteController {

    private final DeliveryNoteManagement notes;

    DeliveryNoteController(DeliveryNoteManagement notes) {
        this.notes = notes;
    }

    @GetMapping("/{id}")
    DeliveryNoteResponse get(@PathVariable UUID id) {
        return DeliveryNoteResponse.of(notes.get(CurrentTenant.id(), id));
    }

    /** Newest first, at most {@code limit} notes. */
    @GetMapping
    List<DeliveryNoteResponse> list(@RequestParam(required = false) DeliveryNoteStatus status,
                                    @RequestParam(required = false) UUID orderId,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return notes.list(CurrentTenant.id(), status, orderId, limit).stream().map(DeliveryNoteResponse::of).toList();
    }

    /** 200 with the dispatched note; 409 unless CREATED; 422 when some product has no warehouse. */
    @PostMapping("/{id}/dispatch")
    DeliveryNoteResponse dispatch(@PathVariable UUID id, @RequestBody(required = false) @Valid DispatchRequest request) {
        DispatchRequest body = request == null ? DispatchRequest.NONE : request;
        String trackingNumber = body.trackingNumber() == null ? null : body.trackingNumber().strip();
        return DeliveryNoteResponse.of(notes.dispatch(CurrentTenant.id(), id, body.carrierId(), trackingNumber, body.warehouseId()));
    }

    /** 200 with the delivered note; 409 unless DISPATCHED. */
    @PostMapping("/{id}/confirm")
    DeliveryNoteResponse confirm(@PathVariable UUID id, @RequestBody(required = false) @Valid ConfirmDeliveryRequest request) {
        ConfirmDeliveryRequest body = request == null ? ConfirmDeliveryRequest.NONE : request;
        return DeliveryNoteResponse.of(notes.confirmDelivery(CurrentTenant.id(), id, body.proofOfDeliveryUrl()));
    }
}
