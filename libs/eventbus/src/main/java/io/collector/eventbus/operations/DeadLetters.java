package io.collector.eventbus.operations;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.collector.eventbus.inbound.FailureHeaders;
import io.collector.eventbus.inbound.HandlerBinding;
import io.collector.eventbus.inbound.HandlerRegistry;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The dead-letter queues of this service (one per handler, {@code <queue>.dlq}) for an operator:
 * their depth, their messages with the failure headers, and replaying or discarding a message.
 *
 * <p>RabbitMQ cannot browse a queue. Reading is therefore {@code basic.get} with manual acks on a
 * connection of its own, and every message not removed is given back with
 * {@code basic.nack(requeue=true)} (or by closing that connection, should anything fail), so a
 * browse loses nothing. It does mark the messages redelivered, and on a quorum queue of RabbitMQ
 * 4.0–4.2 every give-back counts as a delivery against the queue's {@code delivery-limit} (20 by
 * default), after which the broker drops the message: see the README's "Operating the event bus".
 * While an operation holds messages, a concurrent one does not see them.
 *
 * <p>A message is named by its AMQP {@code message_id} (the bus sets it to the eventId), else by
 * {@code sha256:<hex>} of its body, as the inbox does.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /** The most messages one operation reads from a DLQ to find one. */
    public static final int MAX_SCAN = 10_000;
    /** The bus's failure bookkeeping, which a replayed copy starts without. */
    static final Set<String> FAILURE_HEADERS = Set.of(FailureHeaders.RETRY_COUNT, FailureHeaders.ATTEMPTS,
            FailureHeaders.EXCEPTION_CLASS, FailureHeaders.EXCEPTION_MESSAGE, FailureHeaders.ORIGINAL_QUEUE,
            FailureHeaders.FIRST_FAILURE_AT, FailureHeaders.LAST_FAILURE_AT, FailureHeaders.DEAD_LETTER_REASON);
    public static final String REPLAYED_BY = "x-replayed-by";
    public static final String REPLAYED_AT = "x-replayed-at";

    private static final DefaultMessagePropertiesConverter PROPERTIES = new DefaultMessagePropertiesConverter();

    /** One DLQ of this service; {@code depth} is -1 when the broker does not know the queue (yet). */
    public record DeadLetterQueue(String name, String queue, String eventType, long depth) {
    }

    /** One dead-lettered message, headers made JSON-friendly (strings, numbers, booleans, lists, maps). */
    public record DeadLetter(String queue, String messageId, String type, String tenantId, String correlationId,
                             Instant timestamp, boolean redelivered, Map<String, Object> headers, byte[] body) {

        public String header(String name) {
            Object value = headers.get(name);
            return value == null ? null : value.toString();
        }
    }

    /** A discarded message as recorded in {@code dead_letter_discards}. */
    public record Discard(long id, String queue, String messageId, String eventType, String tenantId,
                          String correlationId, String reason, String actor, Instant discardedAt, String headers, byte[] body) {
    }

    /** What a replay of a whole DLQ did; {@code failure} is null when every message went back. */
    public record ReplayAll(int replayed, int remaining, String failure) {
    }

    private final String service;
    private final HandlerRegistry handlers;
    private final ConnectionFactory amqp;
    private final RabbitTemplate rabbit;
    private final RabbitAdmin admin;
    private final JdbcClient jdbc;
    private final String discards;
    private final Duration confirmTimeout;

    public DeadLetters(String service, HandlerRegistry handlers, ConnectionFactory amqp, RabbitTemplate rabbit,
                       RabbitAdmin admin, JdbcClient jdbc, String schema, Duration confirmTimeout) {
        this.service = service;
        this.handlers = handlers;
        this.amqp = amqp;
        this.rabbit = rabbit;
        this.admin = admin;
        this.jdbc = jdbc;
        this.discards = schema + ".dead_letter_discards";
        this.confirmTimeout = confirmTimeout;
    }

    /** This service's DLQs with their depth. */
    public List<DeadLetterQueue> queues() {
        return handlers.bindings().stream().map(binding -> {
            String dlq = QueueNames.deadLetter(binding.queue());
            QueueInformation info = admin.getQueueInfo(dlq);
            return new DeadLetterQueue(dlq, binding.queue(), binding.type().wireName(), info == null ? -1 : info.getMessageCount());
        }).toList();
    }

    /**
     * The DLQ a name means: a DLQ of this service, or the queue it belongs to.
     *
     * @throws UnknownTargetException for any other name: operators cannot touch other queues through this
     */
    public String resolve(String name) {
        return binding(name).map(binding -> QueueNames.deadLetter(binding.queue()))
                .orElseThrow(() -> new UnknownTargetException("No dead-letter queue " + name + " in service " + service));
    }

    /** Up to {@code limit} messages from the head of the DLQ, all left in it. */
    public List<DeadLetter> browse(String name, int limit) {
        String dlq = resolve(name);
        return withChannel(channel -> {
            List<DeadLetter> messages = new ArrayList<>();
            long lastTag = 0;
            try {
                for (int i = 0; i < limit; i++) {
                    GetResponse response = channel.basicGet(dlq, false);
                    if (response == null) {
                        break;
                    }
                    lastTag = response.getEnvelope().getDeliveryTag();
                    messages.add(describe(dlq, response));
                }
            } finally {
                giveBack(channel, lastTag);
            }
            return messages;
        });
    }

    /** One message, left in the DLQ. */
    public DeadLetter show(String name, String messageId) {
        String dlq = resolve(name);
        return withMessage(dlq, messageId, false, (channel, response) -> describe(dlq, response));
    }

    /**
     * Sends the message back to its queue (default exchange, publisher confirm, mandatory) with its
     * body, message id and properties, without the failure headers, and removes it from the DLQ only
     * once the broker confirmed the copy. Its eventId is kept, so the inbox still refuses a second
     * effect if the event had been handled after all.
     */
    public DeadLetter replay(String name, String messageId, String actor) {
        String dlq = resolve(name);
        String queue = originalQueue(dlq);
        DeadLetter letter = withMessage(dlq, messageId, true, (channel, response) -> {
            sendConfirmed(queue, replayCopy(toMessage(response), actor));
            return describe(dlq, response);
        });
        log.info("admin {} replayed {} {} (tenant {}) from {} to {}", actor, letter.type(), messageId,
                letter.tenantId(), dlq, queue);
        return letter;
    }

    /**
     * Replays every message the DLQ held when the call began, one confirmed copy at a time; stops at
     * the first copy the broker does not confirm, leaving it and the rest in the DLQ. Messages that
     * fail again while this runs land behind them and are not replayed twice.
     */
    public ReplayAll replayAll(String name, String actor) {
        String dlq = resolve(name);
        String queue = originalQueue(dlq);
        ReplayAll result = withChannel(channel -> {
            int replayed = 0;
            long depth = -1;
            long lastTag = 0;
            try {
                while (depth < 0 || replayed < depth) {
                    GetResponse response = channel.basicGet(dlq, false);
                    if (response == null) {
                        break;
                    }
                    if (depth < 0) {
                        depth = response.getMessageCount() + 1L;
                    }
                    lastTag = response.getEnvelope().getDeliveryTag();
                    try {
                        sendConfirmed(queue, replayCopy(toMessage(response), actor));
                    } catch (BrokerOperationException e) {
                        return new ReplayAll(replayed, (int) Math.max(0, depth - replayed), e.getMessage());
                    }
                    channel.basicAck(lastTag, false);
                    lastTag = 0; // all the earlier ones are acked too
                    replayed++;
                }
            } finally {
                giveBack(channel, lastTag);
            }
            return new ReplayAll(replayed, 0, null);
        });
        if (result.failure() == null) {
            log.info("admin {} replayed all {} messages of {} to {}", actor, result.replayed(), dlq, queue);
        } else {
            log.warn("admin {} replayed {} messages of {} to {}, then stopped: {}", actor, result.replayed(), dlq, queue,
                    result.failure());
        }
        return result;
    }

    /**
     * Removes a message for good, after recording it with the reason and the actor in
     * {@code dead_letter_discards}. Recorded first, acked second: if the ack is lost the message
     * stays in the DLQ and a second discard records it again, but nothing disappears unrecorded.
     */
    public Discard discard(String name, String messageId, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A discard needs a reason");
        }
        String dlq = resolve(name);
        Discard discard = withMessage(dlq, messageId, true,
                (channel, response) -> record(describe(dlq, response), reason, actor));
        log.warn("admin {} discarded {} {} (tenant {}) from {}: {}", actor,
                discard.eventType() == null ? "a message of unknown type" : discard.eventType(), messageId,
                discard.tenantId() == null ? "unknown" : discard.tenantId(), dlq, reason);
        return discard;
    }

    /** The most recent discards first. */
    public List<Discard> discards(int limit) {
        return jdbc.sql("select id, queue, message_id, event_type, tenant_id, correlation_id, reason, actor, discarded_at,"
                        + " headers::text, body from " + discards + " order by id desc limit ?")
                .param(limit)
                .query((rs, i) -> new Discard(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getBytes(11)))
                .list();
    }

    private Discard record(DeadLetter letter, String reason, String actor) {
        String headers = EventJson.mapper().writeValueAsString(letter.headers());
        long id = jdbc.sql("insert into " + discards + " (queue, message_id, event_type, tenant_id, correlation_id,"
                        + " headers, body, reason, actor) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) returning id")
                .params(letter.queue(), letter.messageId(), letter.type(), letter.tenantId(), letter.correlationId(),
                        headers, letter.body(), reason, actor)
                .query(Long.class).single();
        return new Discard(id, letter.queue(), letter.messageId(), letter.type(), letter.tenantId(),
                letter.correlationId(), reason, actor, Instant.now(), headers, letter.body());
    }

    private Optional<HandlerBinding> binding(String name) {
        return handlers.bindings().stream()
                .filter(b -> b.queue().equals(name) || QueueNames.deadLetter(b.queue()).equals(name))
                .findFirst();
    }

    /** The queue a DLQ belongs to: the handler's queue, whatever a message's x-original-queue says. */
    private String originalQueue(String dlq) {
        return binding(dlq).orElseThrow().queue();
    }

    private void sendConfirmed(String queue, Message message) {
        CorrelationData confirm = new CorrelationData();
        try {
            rabbit.send("", queue, message, confirm);
            CorrelationData.Confirm answer = confirm.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!answer.ack()) {
                throw new BrokerOperationException("The broker refused the copy for " + queue + ": " + answer.reason(), null);
            }
            if (confirm.getReturned() != null) {
                throw new BrokerOperationException("The copy was returned: no queue " + queue, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerOperationException("Interrupted while waiting for the confirm of the copy for " + queue, e);
        } catch (java.util.concurrent.ExecutionException | TimeoutException | org.springframework.amqp.AmqpException e) {
            throw new BrokerOperationException("No confirm for the copy sent to " + queue + ": " + e, e);
        }
    }

    /** The copy a replay sends: same body, id and properties, headers without the failure bookkeeping. */
    static Message replayCopy(Message dead, String actor) {
        MessageProperties props = dead.getMessageProperties();
        MessageProperties copy = new MessageProperties();
        copy.setContentType(props.getContentType());
        copy.setContentEncoding(props.getContentEncoding());
        copy.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        copy.setMessageId(props.getMessageId());
        copy.setCorrelationId(props.getCorrelationId());
        copy.setType(props.getType());
        copy.setTimestamp(props.getTimestamp());
        copy.setAppId(props.getAppId());
        props.getHeaders().forEach((name, value) -> {
            if (!FAILURE_HEADERS.contains(name) && !name.startsWith("x-death") && !name.startsWith("x-first-death")
                    && !name.startsWith("x-last-death") && !name.equals(REPLAYED_BY) && !name.equals(REPLAYED_AT)) {
                copy.setHeader(name, value);
            }
        });
        copy.setHeader(REPLAYED_BY, actor);
        copy.setHeader(REPLAYED_AT, Instant.now().toString());
        return new Message(dead.getBody(), copy);
    }

    /** The AMQP message id, else {@code sha256:<hex>} of the body. */
    static String messageId(String amqpMessageId, byte[] body) {
        if (amqpMessageId != null && !amqpMessageId.isBlank()) {
            return amqpMessageId;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(GetResponse response) {
        return messageId(response.getProps().getMessageId(), response.getBody());
    }

    private static Message toMessage(GetResponse response) {
        MessageProperties props = PROPERTIES.toMessageProperties(response.getProps(), response.getEnvelope(),
                StandardCharsets.UTF_8.name());
        return new Message(response.getBody(), props);
    }

    static DeadLetter describe(String dlq, Message message, boolean redelivered) {
        MessageProperties props = message.getMessageProperties();
        Map<String, Object> headers = new LinkedHashMap<>();
        props.getHeaders().forEach((name, value) -> headers.put(name, jsonSafe(value)));
        JsonNode body = parse(message.getBody());
        String type = props.getType() != null ? props.getType() : text(body, "type");
        Object tenant = props.getHeaders().get("x-tenant-id");
        String tenantId = tenant != null ? tenant.toString() : text(body, "tenantId");
        String correlationId = props.getCorrelationId() != null ? props.getCorrelationId() : text(body, "correlationId");
        Date timestamp = props.getTimestamp();
        return new DeadLetter(dlq, messageId(props.getMessageId(), message.getBody()), type, tenantId, correlationId,
                timestamp == null ? null : timestamp.toInstant(), redelivered, headers, message.getBody());
    }

    private static DeadLetter describe(String dlq, GetResponse response) {
        return describe(dlq, toMessage(response), response.getEnvelope().isRedeliver());
    }

    private static JsonNode parse(byte[] body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Header values as JSON can carry them: AMQP long strings, byte arrays and dates become strings. */
    static Object jsonSafe(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DeadLetters::jsonSafe).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> safe = new LinkedHashMap<>();
            map.forEach((k, v) -> safe.put(String.valueOf(k), jsonSafe(v)));
            return safe;
        }
        return value.toString();
    }

    private static UnknownTargetException notFound(String dlq, String messageId) {
        return new UnknownTargetException("No message " + messageId + " in " + dlq);
    }

    /** Gives back every message this channel holds unacked (up to the last tag); nack, so RabbitMQ 4.3+ counts no failure. */
    private static void giveBack(Channel channel, long lastTag) {
        if (lastTag > 0) {
            try {
                channel.basicNack(lastTag, true, true);
            } catch (IOException | RuntimeException e) {
                // Closing the connection gives them back as well.
                log.debug("Could not nack browsed DLQ messages, the connection's close returns them: {}", e.toString());
            }
        }
    }

    @FunctionalInterface
    private interface FoundWork<T> {
        T run(Channel channel, GetResponse found) throws IOException;
    }

    /**
     * Scans the DLQ for the message with this id and works on it; every other message scanned goes
     * back. With {@code removes}, the found message is acked once the work succeeded.
     */
    private <T> T withMessage(String dlq, String messageId, boolean removes, FoundWork<T> work) {
        return withChannel(channel -> {
            long lastTag = 0;
            try {
                for (int i = 0; i < MAX_SCAN; i++) {
                    GetResponse response = channel.basicGet(dlq, false);
                    if (response == null) {
                        break;
                    }
                    lastTag = response.getEnvelope().getDeliveryTag();
                    if (messageId.equals(messageId(response))) {
                        T result = work.run(channel, response);
                        if (removes) {
                            channel.basicAck(lastTag, false);
                            lastTag--; // the ones before it (tags are consecutive) are still to give back
                        }
                        return result;
                    }
                }
            } finally {
                giveBack(channel, lastTag);
            }
            throw notFound(dlq, messageId);
        });
    }

    @FunctionalInterface
    private interface ChannelWork<T> {
        T run(Channel channel) throws IOException;
    }

    /**
     * A connection of its own per operation: whatever goes wrong, closing it gives every held
     * message back to its queue, and the service's cached channels never carry unacked deliveries.
     */
    private <T> T withChannel(ChannelWork<T> work) {
        try (Connection connection = amqp.newConnection("collector-" + service + "-admin");
             Channel channel = connection.createChannel()) {
            return work.run(channel);
        } catch (IOException | TimeoutException | com.rabbitmq.client.ShutdownSignalException e) {
            throw new BrokerOperationException("Broker operation on the dead-letter queues failed: " + e, e);
        }
    }
}
