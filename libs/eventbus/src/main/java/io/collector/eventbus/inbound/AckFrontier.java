package io.collector.eventbus.inbound;

import com.rabbitmq.client.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;

/**
 * The acks of one consumer channel whose deliveries several batch threads handle side by side.
 * <p>
 * Batches commit out of order, and a {@code basic.ack(multiple)} settles every outstanding
 * delivery up to its tag; so this acks only up to the frontier, the highest tag below which every
 * delivery is settled here (its effect committed, or acked or rejected on its own). That ack is
 * held back for up to {@code consumer.ack-delay}, or until {@code maxMessages} are held, to go out
 * with later ones: a consumer that takes small batches does not cost the broker an ack command
 * each. Only committed effects are held, so holding them is safe: a channel lost meanwhile makes
 * the broker redeliver them, and the inbox absorbs the repeat.
 * <p>
 * Relies on the broker numbering a channel's deliveries 1, 2, 3… and on the channel carrying this
 * one consumer. Thread-safe: batch threads settle here, and the channel's acks go out one at a time.
 */
final class AckFrontier {

    private static final Logger log = LoggerFactory.getLogger(AckFrontier.class);

    private final Channel channel;
    private final String queue;
    private final long delayNanos;
    private final int maxMessages;
    /** Every tag up to here is settled here; bit {@code i} of the sets below stands for tag {@code base + 1 + i}. */
    private long base;
    private BitSet settled = new BitSet();
    /** Settled by a commit, so still outstanding at the broker until a multiple ack covers it. */
    private BitSet committed = new BitSet();
    /** The highest committed tag up to {@code base} that the broker has not been told of; 0 when none. */
    private long heldTag;
    private int held;
    private long dueAt;

    AckFrontier(Channel channel, String queue, Duration delay, int maxMessages) {
        this.channel = channel;
        this.queue = queue;
        this.delayNanos = delay.toNanos();
        this.maxMessages = Math.max(1, maxMessages);
    }

    Channel channel() {
        return channel;
    }

    /** A batch whose effects committed: acked with the others once the frontier passes it and the ack is due. */
    synchronized void committed(List<Delivery> batch) {
        for (Delivery delivery : batch) {
            int bit = unsettledBit(delivery);
            if (bit >= 0) {
                settled.set(bit);
                committed.set(bit);
            }
        }
        advance();
        if (heldTag != 0 && (held >= maxMessages || delayNanos == 0)) {
            flush();
        }
    }

    /** Acks one message on its own (its retry or DLQ copy was confirmed). */
    synchronized void ack(Delivery delivery) {
        int bit = unsettledBit(delivery);
        if (bit < 0) {
            return;
        }
        try {
            channel.basicAck(delivery.tag(), false);
        } catch (IOException | RuntimeException e) {
            // The channel is gone: the broker redelivers, and the inbox absorbs the repeat.
            log.warn("Could not ack on {}: {}", queue, e.toString());
        }
        settledAlone(bit);
    }

    /** Puts one message back onto the queue. */
    synchronized void reject(Delivery delivery) {
        int bit = unsettledBit(delivery);
        if (bit < 0) {
            return;
        }
        try {
            channel.basicNack(delivery.tag(), false, true);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not reject on {}: {}", queue, e.toString());
        }
        settledAlone(bit);
    }

    /** Nanoseconds until the held ack is due; {@code Long.MAX_VALUE} when none is held. */
    synchronized long nanosUntilDue() {
        return heldTag == 0 ? Long.MAX_VALUE : Math.max(0, dueAt - System.nanoTime());
    }

    synchronized void flushIfDue() {
        if (heldTag != 0 && dueAt - System.nanoTime() <= 0) {
            flush();
        }
    }

    /** Sends the held ack now, e.g. before the channel closes. On a closed channel there is nothing to ack: the broker requeued those messages. */
    synchronized void flush() {
        long upTo = heldTag;
        heldTag = 0;
        held = 0;
        if (upTo != 0 && channel.isOpen()) {
            try {
                channel.basicAck(upTo, true);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not ack on {}: {}", queue, e.toString());
            }
        }
    }

    private void settledAlone(int bit) {
        settled.set(bit);
        advance();
    }

    /**
     * The delivery's bit, or -1 when it was settled before: a second settling is a bug, logged and
     * ignored rather than sent (the broker would close the channel) or thrown at a batch thread.
     */
    private int unsettledBit(Delivery delivery) {
        long offset = delivery.tag() - base - 1;
        if (offset < 0 || settled.get((int) offset)) {
            log.error("Delivery {} on {} was settled already; ignoring the second settling", delivery.tag(), queue);
            return -1;
        }
        return (int) offset;
    }

    /**
     * Moves the frontier over the settled run at its front. The multiple ack must name a tag still
     * outstanding at the broker, so it names the run's last committed one.
     */
    private void advance() {
        int run = settled.nextClearBit(0);
        if (run == 0) {
            return;
        }
        int lastCommitted = committed.previousSetBit(run - 1);
        if (lastCommitted >= 0) {
            if (heldTag == 0) {
                dueAt = System.nanoTime() + delayNanos;
            }
            heldTag = base + 1 + lastCommitted;
            held += committed.get(0, run).cardinality();
        }
        base += run;
        settled = settled.get(run, Math.max(run, settled.length()));
        committed = committed.get(run, Math.max(run, committed.length()));
    }
}
