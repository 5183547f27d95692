package io.collector.eventbus;

import io.collector.eventbus.config.EventBusProperties;
import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.eventbus.outbox.EventBusSchema;
import io.collector.eventbus.outbox.OutboxRelay;
import io.collector.eventbus.outbox.OutboxStore;
import io.collector.eventbus.outbox.OutboxWriter;
import io.collector.eventbus.outbox.RelaySignal;
import io.collector.events.EventType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay alone, on an outbox and exchange of its own so that the service's relay and consumers stay out of it. */
class OutboxRelayIntegrationTests extends BusIntegrationTest {

    private static final String RELAY_SCHEMA = SCHEMA + "_relay";
    private static final String RELAY_EXCHANGE = EXCHANGE + "-relay";
    private static final String SINK = SERVICE + ".relay-sink";

    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactionManager;

    private OutboxStore store;
    private OutboxWriter writer;

    @BeforeEach
    void freshOutboxAndExchange() {
        jdbc.sql("drop schema if exists " + RELAY_SCHEMA + " cascade").update();
        EventBusSchema.migrate(dataSource, RELAY_SCHEMA);
        store = new OutboxStore(jdbc, RELAY_SCHEMA);
        writer = new OutboxWriter(store, new RelaySignal());
        eventBusRabbitAdmin.declareExchange(new TopicExchange(RELAY_EXCHANGE, false, false));
    }

    @AfterEach
    void removeThem() {
        eventBusRabbitAdmin.deleteQueue(SINK);
        eventBusRabbitAdmin.deleteExchange(RELAY_EXCHANGE);
        jdbc.sql("drop schema if exists " + RELAY_SCHEMA + " cascade").update();
    }

    @Test
    void twoRelaysNeverSendOneRowTwice() throws Exception {
        bindSink(QueueBuilder.nonDurable(SINK).build());
        for (int i = 0; i < 500; i++) {
            write(example(EventType.STOCK_LOW, newTenant()));
        }
        OutboxRelay first = relay(50);
        OutboxRelay second = relay(50);

        CompletableFuture.allOf(CompletableFuture.runAsync(first::drain), CompletableFuture.runAsync(second::drain))
                .get(60, TimeUnit.SECONDS);

        assertThat(store.pendingCount()).isZero();
        Set<String> received = new HashSet<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Message message;
            while ((message = eventBusRabbitTemplate.receive(SINK)) != null) {
                assertThat(received.add(message.getMessageProperties().getMessageId())).as("sent once").isTrue();
            }
            return received.size() == 500;
        });
    }

    @Test
    void unroutableEventStaysPendingWithTheReason() {
        write(example(EventType.STOCK_LOW, newTenant()));

        relay(10).drain();

        assertThat(store.pendingCount()).isEqualTo(1);
        assertThat(lastError()).startsWith("returned as unroutable");
    }

    @Test
    void eventTheBrokerRefusesStaysPendingAndIsSentOnceItAccepts() {
        // A full queue that rejects publishes makes the broker nack.
        bindSink(QueueBuilder.nonDurable(SINK).maxLength(0).overflow(QueueBuilder.Overflow.rejectPublish).build());
        write(example(EventType.STOCK_LOW, newTenant()));

        relay(10).drain();

        assertThat(store.pendingCount()).isEqualTo(1);
        assertThat(lastError()).startsWith("nacked by the broker");

        eventBusRabbitAdmin.deleteQueue(SINK);
        bindSink(QueueBuilder.nonDurable(SINK).build());
        OutboxRelay relay = relay(10);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            relay.drain();
            return store.pendingCount() == 0;
        });
        assertThat(eventBusRabbitTemplate.receive(SINK, 5000)).isNotNull();
    }

    private void write(io.collector.events.EventEnvelope<?> event) {
        writer.write(event, io.collector.events.EventReader.validBytes(event), null);
    }

    private void bindSink(Queue queue) {
        eventBusRabbitAdmin.declareQueue(queue);
        eventBusRabbitAdmin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(RELAY_EXCHANGE)).with("#"));
    }

    private String lastError() {
        return jdbc.sql("select last_error from " + RELAY_SCHEMA + ".outbox").query(String.class).single();
    }

    private OutboxRelay relay(int batchSize) {
        EventBusProperties properties = new EventBusProperties();
        properties.setService("relaytest");
        properties.setExchange(RELAY_EXCHANGE);
        properties.getOutbox().setBatchSize(batchSize);
        properties.getOutbox().setRetryInitialBackoff(Duration.ZERO);
        properties.getOutbox().setConfirmTimeout(Duration.ofSeconds(5));
        return new OutboxRelay(store, new RelaySignal(), eventBusRabbitTemplate, new TransactionTemplate(transactionManager),
                new EventBusMetrics(new SimpleMeterRegistry(), "relaytest"), properties);
    }
}
