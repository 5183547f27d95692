package io.collector.eventbus.inbound;

import com.rabbitmq.client.Channel;
import io.collector.eventbus.config.EventBusProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Consumes one handler's queue in batches with manual acks. Each message is acked only once its
 * effect committed, or its retry or DLQ copy was confirmed by the broker; otherwise it is
 * rejected back onto the queue. The container keeps consuming whatever a message contains.
 */
public class QueueConsumer implements ChannelAwareBatchMessageListener {

    private static final Logger log = LoggerFactory.getLogger(QueueConsumer.class);
    private static final Duration REFUSED_COPY_PAUSE = Duration.ofSeconds(1);

    private final HandlerBinding binding;
    private final EventDispatcher dispatcher;
    private final FailureRouter failures;
    private final SimpleMessageListenerContainer container;

    public QueueConsumer(HandlerBinding binding, EventDispatcher dispatcher, FailureRouter failures,
                         ConnectionFactory connectionFactory, EventBusProperties.Consumer settings) {
        this.binding = binding;
        this.dispatcher = dispatcher;
        this.failures = failures;
        this.container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(binding.queue());
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(settings.getPrefetch());
        container.setConcurrentConsumers(settings.getConcurrency());
        container.setConsumerBatchEnabled(true);
        container.setBatchSize(settings.getBatchSize());
        // Both bounds: a quiet queue releases a batch when no next message comes within batch-wait, and a
        // steady trickle (a message every 2 ms, say) releases it batch-wait after its first message,
        // instead of only once batch-size messages are in (200 × 2 ms = 400 ms of added latency).
        container.setReceiveTimeout(settings.getBatchWait().toMillis());
        container.setBatchReceiveTimeout(settings.getBatchWait().toMillis());
        container.setRecoveryInterval(settings.getRecoveryInterval().toMillis());
        container.setDefaultRequeueRejected(true);
        container.setAutoStartup(false);
        container.setBeanName(binding.queue());
        container.setMessageListener(this);
        container.afterPropertiesSet();
    }

    public void start() {
        container.start();
    }

    public void stop() {
        container.stop();
    }

    public boolean isRunning() {
        return container.isRunning() && container.getActiveConsumerCount() > 0;
    }

    public HandlerBinding binding() {
        return binding;
    }

    @Override
    public void onMessageBatch(List<Message> messages, Channel channel) {
        List<InboundMessage> inbound = new ArrayList<>(messages.size());
        for (Message message : messages) {
            inbound.add(toInbound(message));
        }
        List<Outcome> outcomes;
        try {
            outcomes = dispatcher.dispatch(binding, inbound);
        } catch (RuntimeException e) {
            log.error("Unexpected failure dispatching {} messages from {}; requeueing them", messages.size(), binding.queue(), e);
            for (Message message : messages) {
                reject(channel, message);
            }
            return;
        }
        settle(messages, inbound, outcomes, channel);
    }

    private void settle(List<Message> messages, List<InboundMessage> inbound, List<Outcome> outcomes, Channel channel) {
        if (outcomes.stream().allMatch(o -> o instanceof Outcome.Handled || o instanceof Outcome.Duplicate)) {
            ack(channel, messages.get(messages.size() - 1), true);
            return;
        }
        boolean refused = false;
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            Outcome outcome = outcomes.get(i);
            boolean settled;
            if (outcome instanceof Outcome.Retry retry) {
                settled = failures.retry(binding, message, inbound.get(i), retry);
            } else if (outcome instanceof Outcome.DeadLetter deadLetter) {
                settled = failures.deadLetter(binding, message, inbound.get(i), deadLetter);
            } else {
                settled = true;
            }
            if (settled) {
                ack(channel, message, false);
            } else {
                log.error("The broker did not confirm the retry/DLQ copy of a message from {}; requeueing it", binding.queue());
                reject(channel, message);
                refused = true;
            }
        }
        if (refused) {
            pauseAfterRefusedCopy();
        }
    }

    /** The broker refuses our copies (a DLQ deleted, a resource alarm): do not spin on the requeued message. */
    private void pauseAfterRefusedCopy() {
        try {
            TimeUnit.MILLISECONDS.sleep(REFUSED_COPY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InboundMessage toInbound(Message message) {
        var props = message.getMessageProperties();
        Object retries = props.getHeaders().get(FailureHeaders.RETRY_COUNT);
        Object firstFailure = props.getHeaders().get(FailureHeaders.FIRST_FAILURE_AT);
        Object traceparent = props.getHeaders().get("traceparent");
        return new InboundMessage(message.getBody(), props.getMessageId(),
                traceparent == null ? null : traceparent.toString(),
                retries instanceof Number count ? count.intValue() : 0,
                instantOrNull(firstFailure));
    }

    private static Instant instantOrNull(Object header) {
        try {
            return header == null ? null : Instant.parse(header.toString());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private void ack(Channel channel, Message message, boolean multiple) {
        try {
            channel.basicAck(message.getMessageProperties().getDeliveryTag(), multiple);
        } catch (IOException | RuntimeException e) {
            // The channel is gone: the broker redelivers, and the inbox absorbs the repeat.
            log.warn("Could not ack on {}: {}", binding.queue(), e.toString());
        }
    }

    private void reject(Channel channel, Message message) {
        try {
            channel.basicNack(message.getMessageProperties().getDeliveryTag(), false, true);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not reject on {}: {}", binding.queue(), e.toString());
        }
    }
}
