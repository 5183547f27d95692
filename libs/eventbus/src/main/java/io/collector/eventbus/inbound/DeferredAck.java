package io.collector.eventbus.inbound;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * The ack of handled messages, held back for up to {@code consumer.ack-delay} (or until
 * {@code maxMessages} are held) to go out with later ones as one {@code basic.ack(multiple)}: a
 * consumer that takes small batches does not cost the broker an ack command each. Only messages
 * whose effects committed are held, so holding them is safe: a channel lost meanwhile makes the
 * broker redeliver them, and the inbox absorbs the repeat. Used by one batch thread only.
 */
final class DeferredAck {

    private static final Logger log = LoggerFactory.getLogger(DeferredAck.class);

    private final String queue;
    private final long delayNanos;
    private final int maxMessages;
    private Delivery last;
    private int held;
    private long dueAt;

    DeferredAck(String queue, Duration delay, int maxMessages) {
        this.queue = queue;
        this.delayNanos = delay.toNanos();
        this.maxMessages = Math.max(1, maxMessages);
    }

    /** Holds the ack of a handled batch, whose last delivery is {@code lastOfBatch}; sends it when due or full. */
    void add(Delivery lastOfBatch, int messages) {
        if (last != null && last.channel() != lastOfBatch.channel()) {
            drop(); // the channel was replaced: the broker has requeued what the old one held
        }
        if (last == null) {
            dueAt = System.nanoTime() + delayNanos;
        }
        last = lastOfBatch;
        held += messages;
        if (held >= maxMessages || delayNanos == 0) {
            flush();
        }
    }

    /** Nanoseconds until the held ack is due; {@code Long.MAX_VALUE} when none is held. */
    long nanosUntilDue() {
        return last == null ? Long.MAX_VALUE : Math.max(0, dueAt - System.nanoTime());
    }

    void flushIfDue() {
        if (last != null && dueAt - System.nanoTime() <= 0) {
            flush();
        }
    }

    /** Sends the held ack now: before any single ack or reject, and before the channel closes. */
    void flush() {
        Delivery upTo = last;
        drop();
        // On a closed channel there is nothing to ack: the broker has requeued those messages.
        if (upTo != null && upTo.channel().isOpen()) {
            try {
                upTo.channel().basicAck(upTo.tag(), true);
            } catch (IOException | RuntimeException e) {
                // The channel is gone: the broker redelivers, and the inbox absorbs the repeat.
                log.warn("Could not ack on {}: {}", queue, e.toString());
            }
        }
    }

    /** Forgets the held ack: its channel is gone and the broker requeued the messages. */
    void drop() {
        last = null;
        held = 0;
    }
}
