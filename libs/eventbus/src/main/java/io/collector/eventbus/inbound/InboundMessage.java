package io.collector.eventbus.inbound;

import java.time.Instant;

/**
 * A delivery as the dispatcher sees it, independent of AMQP so the test kit can drive it too.
 *
 * @param retryCount    retries already made (our own header; x-death is not relied on)
 * @param firstFailureAt when the first attempt failed, or null on a first attempt
 */
public record InboundMessage(byte[] body, String messageId, String traceparent, int retryCount, Instant firstFailureAt) {

    /** A first delivery with no AMQP metadata, as the test kit makes them. */
    public static InboundMessage of(byte[] body) {
        return new InboundMessage(body, null, null, 0, null);
    }
}
