package io.collector.delivery.note.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/delivery-notes/{id}/confirm}; the body and its field are optional. */
record ConfirmDeliveryRequest(
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String proofOfDeliveryUrl) {

    static final ConfirmDeliveryRequest NONE = new ConfirmDeliveryRequest(null);
}
