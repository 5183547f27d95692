package io.collector.eventbus.outbox;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;

/**
 * A channel in confirm mode that publishes mandatory messages and answers each publish once the
 * broker did: confirmed and routed, nacked, returned as unroutable, or lost with the channel. It is
 * the relay's own, on the raw client: Spring's template and its correlation layer cost about a
 * tenth of a publishing JVM's CPU (bench/README.md). Publishing is for one thread at a time.
 */
final class ConfirmedChannel implements AutoCloseable {

    /** What the broker answered; {@code failure} is null when it confirmed and routed the message. */
    record Answer(String failure) {
        static final Answer CONFIRMED = new Answer(null);

        boolean confirmed() {
            return failure == null;
        }
    }

    private final Channel channel;
    /** Unanswered publishes by sequence number; a message returned as unroutable is also found by its message id. */
    private final ConcurrentNavigableMap<Long, Pending> pending = new ConcurrentSkipListMap<>();
    private final Map<String, Pending> byMessageId = new ConcurrentHashMap<>();

    ConfirmedChannel(Channel channel) throws IOException {
        this.channel = channel;
        channel.confirmSelect();
        // The broker sends a return before the confirm of the same message (AMQP 0-9-1, mandatory flag).
        channel.addReturnListener(returned -> {
            Pending publish = byMessageId.get(String.valueOf(returned.getProperties().getMessageId()));
            if (publish != null) {
                publish.returned = "returned as unroutable (no queue bound for routing key " + returned.getRoutingKey()
                        + "): " + returned.getReplyText();
            }
        });
        channel.addConfirmListener((tag, multiple) -> answer(tag, multiple, null),
                (tag, multiple) -> answer(tag, multiple, "nacked by the broker (a queue refused it, e.g. full with overflow reject-publish)"));
        channel.addShutdownListener(this::lost);
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    /**
     * Publishes with the mandatory flag; {@code properties} must carry a message id unique among
     * the unanswered publishes, which is how a return finds its message.
     *
     * @throws IOException when the channel cannot take it (the future is then never created)
     */
    CompletableFuture<Answer> publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body)
            throws IOException {
        long sequence = channel.getNextPublishSeqNo();
        Pending publish = new Pending(properties.getMessageId());
        pending.put(sequence, publish);
        byMessageId.put(publish.messageId, publish);
        try {
            channel.basicPublish(exchange, routingKey, true, properties, body);
        } catch (IOException | RuntimeException e) {
            forget(sequence, publish);
            throw e;
        }
        return publish.answer;
    }

    private void answer(long tag, boolean multiple, String nack) {
        Map<Long, Pending> answered = multiple ? pending.headMap(tag, true) : pending.subMap(tag, true, tag, true);
        for (var entry : answered.entrySet()) {
            Pending publish = entry.getValue();
            forget(entry.getKey(), publish);
            publish.answer.complete(nack != null ? new Answer(nack)
                    : publish.returned != null ? new Answer(publish.returned) : Answer.CONFIRMED);
        }
    }

    private void forget(long sequence, Pending publish) {
        pending.remove(sequence);
        byMessageId.remove(publish.messageId, publish);
    }

    /** Every unanswered publish is lost with the channel: its row stays pending and is sent again. */
    private void lost(ShutdownSignalException cause) {
        for (var entry : pending.entrySet()) {
            forget(entry.getKey(), entry.getValue());
            entry.getValue().answer.complete(new Answer("no publisher confirm: the channel closed (" + cause.getMessage() + ")"));
        }
    }

    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            // Closing a channel whose connection is already gone: nothing left to release.
        }
    }

    private static final class Pending {
        final String messageId;
        final CompletableFuture<Answer> answer = new CompletableFuture<>();
        /** Set on the connection's thread before the confirm of the same message, which reads it on that thread. */
        volatile String returned;

        Pending(String messageId) {
            this.messageId = messageId;
        }
    }
}
