package io.collector.eventbus.topology;

import io.collector.eventbus.config.EventBusProperties;
import io.collector.eventbus.config.EventBusProperties.QueueType;
import io.collector.eventbus.inbound.HandlerBinding;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import java.util.Collection;

/**
 * Declares the exchange and, per handler, its queue, its delay queues and its DLQ. Declaring is
 * idempotent, so a second instance of a service (or a restart) declares the same topology
 * harmlessly; a queue that exists with other arguments fails start-up with the broker's reason.
 */
public class TopologyDeclarer {

    private final RabbitAdmin admin;
    private final EventBusProperties properties;

    public TopologyDeclarer(RabbitAdmin admin, EventBusProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    public void declare(Collection<HandlerBinding> bindings) {
        TopicExchange exchange = new TopicExchange(properties.getExchange(), true, false);
        admin.declareExchange(exchange);
        for (HandlerBinding binding : bindings) {
            try {
                declare(exchange, binding);
            } catch (AmqpException e) {
                throw new IllegalStateException("Could not declare the queues of " + binding.queue()
                        + " (an existing queue with other arguments, such as another queue type or retry delays?): "
                        + rootMessage(e), e);
            }
        }
    }

    private void declare(TopicExchange exchange, HandlerBinding binding) {
        Queue queue = durable(binding.queue()).build();
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with(binding.type().wireName()));
        for (int n = 1; n <= binding.maxRetries(); n++) {
            QueueBuilder delay = durable(QueueNames.retry(binding.queue(), n))
                    .ttl((int) properties.getRetry().delayBeforeRetry(n).toMillis())
                    .deadLetterExchange("")
                    .deadLetterRoutingKey(binding.queue());
            if (properties.getQueueType() == QueueType.QUORUM) {
                // Quorum dead-lettering is at-most-once unless asked otherwise; a retry must not vanish.
                delay.withArgument("x-dead-letter-strategy", "at-least-once").overflow(QueueBuilder.Overflow.rejectPublish);
            }
            admin.declareQueue(delay.build());
        }
        admin.declareQueue(durable(QueueNames.deadLetter(binding.queue())).build());
    }

    private QueueBuilder durable(String name) {
        QueueBuilder builder = QueueBuilder.durable(name);
        if (properties.getQueueExpires() != null) {
            builder.expires((int) properties.getQueueExpires().toMillis());
        }
        return properties.getQueueType() == QueueType.QUORUM ? builder.quorum() : builder;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
