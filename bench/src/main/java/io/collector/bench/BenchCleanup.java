package io.collector.bench;

import io.collector.eventbus.inbound.HandlerRegistry;
import io.collector.eventbus.topology.QueueNames;
import jakarta.annotation.PreDestroy;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes the run's queues, exchange and schema when the context closes (after the bus's
 * consumers and relay stopped), so a run leaves nothing behind on the shared broker and database.
 */
@Component
class BenchCleanup {

    private final HandlerRegistry handlers;
    private final RabbitAdmin admin;
    private final JdbcClient jdbc;
    private final String exchange;
    private final String schema;

    BenchCleanup(HandlerRegistry handlers, RabbitAdmin eventBusRabbitAdmin, JdbcClient jdbc,
                 @Value("${collector.eventbus.exchange}") String exchange,
                 @Value("${collector.eventbus.schema}") String schema) {
        this.handlers = handlers;
        this.admin = eventBusRabbitAdmin;
        this.jdbc = jdbc;
        this.exchange = exchange;
        this.schema = schema;
    }

    @PreDestroy
    void removeRunTopology() {
        try {
            handlers.bindings().forEach(binding -> {
                admin.deleteQueue(binding.queue());
                for (int n = 1; n <= binding.maxRetries(); n++) {
                    admin.deleteQueue(QueueNames.retry(binding.queue(), n));
                }
                admin.deleteQueue(QueueNames.deadLetter(binding.queue()));
            });
            admin.deleteExchange(exchange);
        } finally {
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
        }
        System.out.println("Cleaned up: queues of " + handlers.bindings().size() + " handler(s), exchange " + exchange
                + ", schema " + schema);
    }
}
