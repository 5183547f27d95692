package io.collector.orders.order;

/**
 * The input can never become an order (a fractional quantity of a product, amounts too large): the
 * use case turns it into a 422 for a request and a {@code PermanentEventFailure} for an event.
 */
class OrderNotPossible extends RuntimeException {

    OrderNotPossible(String message) {
        super(message);
    }
}
