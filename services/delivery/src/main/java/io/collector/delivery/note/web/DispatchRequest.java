package io.collector.delivery.note.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Body of {@code POST /api/delivery-notes/{id}/dispatch}; the body and each field are optional.
 *
 * @param warehouseId the warehouse of the items whose order line named none
 */
record DispatchRequest(
        UUID carrierId,
        @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String trackingNumber,
        UUID warehouseId) {

    static final DispatchRequest NONE = new DispatchRequest(null, null, null);
}
