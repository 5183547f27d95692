package io.collector.offers.offer.web;

import io.collector.offers.offer.OfferManagement;
import io.collector.offers.offer.OfferStatus;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** {@code /api/offers}: the tenant always comes from the token. */
@RestController
@RequestMapping("/api/offers")
class OfferController {

    private final OfferManagement offers;

    OfferController(OfferManagement offers) {
        this.offers = offers;
    }

    @PostMapping
    ResponseEntity<OfferResponse> create(@Valid @RequestBody CreateOfferRequest request) {
        OfferResponse created = OfferResponse.of(offers.create(CurrentTenant.id(), request.toNewOffer()), offers.now());
        return ResponseEntity.created(URI.create("/api/offers/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    OfferResponse get(@PathVariable UUID id) {
        return OfferResponse.of(offers.get(CurrentTenant.id(), id), offers.now());
    }

    /** Newest first. {@code status}: DRAFT, OPEN, APPROVED, REJECTED or EXPIRED; none for all. */
    @GetMapping
    List<OfferResponse> list(@RequestParam(required = false) OfferStatus status,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        var now = offers.now();
        return offers.list(CurrentTenant.id(), status, limit).stream().map(offer -> OfferResponse.of(offer, now)).toList();
    }

    @PostMapping("/{id}/approve")
    OfferResponse approve(@PathVariable UUID id) {
        return OfferResponse.of(offers.approve(CurrentTenant.id(), id), offers.now());
    }

    @PostMapping("/{id}/reject")
    OfferResponse reject(@PathVariable UUID id, @Valid @RequestBody(required = false) RejectOfferRequest request) {
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        return OfferResponse.of(offers.reject(CurrentTenant.id(), id, reason), offers.now());
    }
}
