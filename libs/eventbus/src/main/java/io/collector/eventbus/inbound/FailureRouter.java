package io.collector.eventbus.inbound;

import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.eventbus.topology.QueueNames;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Sends a failed message's copy to its next delay queue or to its DLQ and waits for the broker's
 * confirm: the original is acked only when this returned true.
 */
public class FailureRouter {

    private static final MessagePropertiesConverter CONVERTER = new DefaultMessagePropertiesConverter();

    private final RabbitTemplate rabbit;
    private final Duration confirmTimeout;
    private final EventBusMetrics metrics;

    public FailureRouter(RabbitTemplate rabbit, Duration confirmTimeout, EventBusMetrics metrics) {
        this.rabbit = rabbit;
        this.confirmTimeout = confirmTimeout;
        this.metrics = metrics;
    }

    boolean retry(HandlerBinding binding, Delivery original, InboundMessage inbound, Outcome.Retry retry) {
        int retryCount = inbound.retryCount() + 1;
        Message copy = copyWithFailure(original, binding, inbound, retry.cause());
        copy.getMessageProperties().setHeader(FailureHeaders.RETRY_COUNT, retryCount);
        boolean confirmed = sendConfirmed(QueueNames.retry(binding.queue(), retryCount), copy);
        if (confirmed) {
            metrics.retried(binding.queue(), binding.type().wireName());
        } else {
            metrics.copyRefused(binding.queue(), binding.type().wireName(), "retry");
        }
        return confirmed;
    }

    boolean deadLetter(HandlerBinding binding, Delivery original, InboundMessage inbound, Outcome.DeadLetter deadLetter) {
        Message copy = copyWithFailure(original, binding, inbound, deadLetter.cause());
        copy.getMessageProperties().setHeader(FailureHeaders.ATTEMPTS, inbound.retryCount() + 1);
        copy.getMessageProperties().setHeader(FailureHeaders.DEAD_LETTER_REASON, deadLetter.reason().name());
        boolean confirmed = sendConfirmed(QueueNames.deadLetter(binding.queue()), copy);
        if (confirmed) {
            metrics.deadLettered(binding.queue(), binding.type().wireName(), deadLetter.reason().name());
        } else {
            metrics.copyRefused(binding.queue(), binding.type().wireName(), "dlq");
        }
        return confirmed;
    }

    private static Message copyWithFailure(Delivery original, HandlerBinding binding, InboundMessage inbound, Throwable cause) {
        MessageProperties props = CONVERTER.toMessageProperties(original.properties(), original.envelope(), "UTF-8");
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
            // The broker's own dead-letter bookkeeping of the delay queues is not ours to carry on.
            if (!name.startsWith("x-death") && !name.startsWith("x-first-death") && !name.startsWith("x-last-death")) {
                copy.setHeader(name, value);
            }
        });
        String now = Instant.now().toString();
        copy.setHeader(FailureHeaders.ORIGINAL_QUEUE, binding.queue());
        copy.setHeader(FailureHeaders.FIRST_FAILURE_AT, inbound.firstFailureAt() == null ? now : inbound.firstFailureAt().toString());
        copy.setHeader(FailureHeaders.LAST_FAILURE_AT, now);
        copy.setHeader(FailureHeaders.EXCEPTION_CLASS, cause.getClass().getName());
        copy.setHeader(FailureHeaders.EXCEPTION_MESSAGE, truncate(String.valueOf(cause.getMessage())));
        return new Message(original.body(), copy);
    }

    private boolean sendConfirmed(String queue, Message message) {
        CorrelationData confirm = new CorrelationData();
        try {
            rabbit.send("", queue, message, confirm);
            CorrelationData.Confirm answer = confirm.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return answer.ack() && confirm.getReturned() == null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Header values are bounded by the broker's frame size; a stack of messages is not needed here. */
    private static String truncate(String message) {
        return message.length() <= 2000 ? message : message.substring(0, 2000) + "…";
    }
}
