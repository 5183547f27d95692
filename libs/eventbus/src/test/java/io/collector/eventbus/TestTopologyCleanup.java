package io.collector.eventbus;

import io.collector.eventbus.inbound.HandlerRegistry;
import io.collector.eventbus.topology.QueueNames;
import jakarta.annotation.PreDestroy;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Removes a test run's queues, exchange and schema when its context closes, so runs leave nothing behind. */
@Component
class TestTopologyCleanup {

    private final HandlerRegistry handlers;
    private final ObjectProvider<RabbitAdmin> admin;
    private final JdbcClient jdbc;
    private final String exchange;
    private final String schema;

    TestTopologyCleanup(HandlerRegistry handlers, ObjectProvider<RabbitAdmin> admin, JdbcClient jdbc,
                        @Value("${collector.eventbus.exchange}") String exchange,
                        @Value("${collector.eventbus.schema}") String schema) {
        this.handlers = handlers;
        this.admin = admin;
        this.jdbc = jdbc;
        this.exchange = exchange;
        this.schema = schema;
    }

    @PreDestroy
    void removeRunTopology() {
        admin.ifAvailable(this::removeQueues);
        jdbc.sql("drop schema if exists " + schema + " cascade").update();
    }

    private void removeQueues(RabbitAdmin admin) {
        handlers.bindings().forEach(binding -> {
            admin.deleteQueue(binding.queue());
            for (int n = 1; n <= binding.maxRetries(); n++) {
                admin.deleteQueue(QueueNames.retry(binding.queue(), n));
            }
            admin.deleteQueue(QueueNames.deadLetter(binding.queue()));
        });
        admin.deleteExchange(exchange);
    }
}
