package io.collector.eventbus.observability;

import io.collector.eventbus.inbound.EventConsumers;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** UP when the broker accepts a connection and every handler's consumer is attached. */
public class BrokerHealthIndicator extends AbstractHealthIndicator {

    private final ConnectionFactory connectionFactory;
    private final EventConsumers consumers;

    public BrokerHealthIndicator(ConnectionFactory connectionFactory, EventConsumers consumers) {
        super("Broker check failed");
        this.connectionFactory = connectionFactory;
        this.consumers = consumers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Connection connection = connectionFactory.createConnection();
        var idle = consumers.idleQueues();
        (connection.isOpen() && idle.isEmpty() ? builder.up() : builder.down())
                .withDetail("broker", connectionFactory.getHost() + ":" + connectionFactory.getPort())
                .withDetail("idleConsumers", idle);
    }
}
