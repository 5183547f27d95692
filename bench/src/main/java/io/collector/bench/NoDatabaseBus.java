package io.collector.bench;

import io.collector.eventbus.EventPublisher;
import io.collector.eventbus.config.EventBusProperties;
import io.collector.eventbus.inbound.ConsumerConnection;
import io.collector.eventbus.inbound.EventDispatcher;
import io.collector.eventbus.inbound.FailureRouter;
import io.collector.eventbus.inbound.HandlerBinding;
import io.collector.eventbus.inbound.InboxStore;
import io.collector.eventbus.inbound.QueueConsumer;
import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.eventbus.outbox.OutboxRelay;
import io.collector.eventbus.outbox.OutboxStore;
import io.collector.eventbus.outbox.OutboxWriter;
import io.collector.eventbus.outbox.RelaySignal;
import io.collector.eventbus.topology.QueueNames;
import io.collector.eventbus.topology.TopologyDeclarer;
import io.collector.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bus's own classes end to end, EventPublisher → OutboxWriter → OutboxStore → OutboxRelay
 * → quorum queue → QueueConsumer → EventDispatcher → InboxStore → handler, on the bus's
 * connection factory and template, with every SQL statement answered from memory and transactions
 * that do nothing: the bus without the database, on an exchange and queue of its own.
 */
final class NoDatabaseBus implements AutoCloseable {

    /** Publish-to-handle latencies of the events whose publish instant was registered; no transactions, so "committed" is "handled". */
    final Probe probe = new Probe();
    final InMemoryJdbcClient memory = new InMemoryJdbcClient(20_000, probe::locked);
    final AtomicLong handled = new AtomicLong();
    final EventPublisher publisher;
    private final OutboxRelay relay;
    private final QueueConsumer consumer;
    /** The consumers' own connection, as the bus's auto-configuration gives them. */
    private final CachingConnectionFactory consumerConnection;
    private final HandlerBinding binding;
    private final RabbitAdmin admin;
    private final String exchange;

    NoDatabaseBus(EventBusProperties settings, String suffix, CachingConnectionFactory connectionFactory, RabbitTemplate template,
                  RabbitAdmin admin, MeterRegistry registry) {
        EventBusProperties nodb = new EventBusProperties();
        nodb.setService(settings.getService() + "-" + suffix);
        nodb.setSchema(settings.getSchema() + "_" + suffix);
        nodb.setExchange(settings.getExchange() + "-" + suffix);
        nodb.setRabbitmqUrl(settings.getRabbitmqUrl());
        nodb.getConsumer().setPrefetch(settings.getConsumer().getPrefetch());
        nodb.getConsumer().setBatchSize(settings.getConsumer().getBatchSize());
        nodb.getConsumer().setConcurrency(settings.getConsumer().getConcurrency());
        nodb.getConsumer().setBatchWait(settings.getConsumer().getBatchWait());
        nodb.getConsumer().setAckDelay(settings.getConsumer().getAckDelay());
        nodb.getOutbox().setBatchSize(settings.getOutbox().getBatchSize());
        nodb.getOutbox().setConfirmWindow(settings.getOutbox().getConfirmWindow());
        nodb.setQueueExpires(settings.getQueueExpires());
        this.admin = admin;
        this.exchange = nodb.getExchange();

        EventBusMetrics metrics = new EventBusMetrics(registry, nodb.getService());
        TransactionTemplate noTransactions = new TransactionTemplate(new NoOpTransactionManager());
        OutboxStore store = new OutboxStore(memory.client(), nodb.getSchema());
        RelaySignal signal = new RelaySignal();
        this.publisher = new EventPublisher(new OutboxWriter(store, signal), nodb.getSource());
        this.relay = new OutboxRelay(store, signal, connectionFactory.getPublisherConnectionFactory(), noTransactions, metrics, nodb);
        EventDispatcher dispatcher = new EventDispatcher(new InboxStore(memory.client(), nodb.getSchema()), noTransactions, metrics);
        this.binding = new HandlerBinding(EventType.ORDER_CREATED,
                QueueNames.queue(nodb.getService(), EventType.ORDER_CREATED.wireName()), 0, event -> {
                    handled.incrementAndGet();
                    long now = System.nanoTime();
                    probe.committed(probe.takePublishedAt(event.eventId()), now, probe.takeLockedAt(event.eventId()));
                });
        this.consumerConnection = ConsumerConnection.on(connectionFactory.getRabbitConnectionFactory(), nodb.getService() + "-consumers");
        this.consumer = new QueueConsumer(binding, dispatcher, new FailureRouter(template, nodb.getRetry().getPublishTimeout(), metrics),
                consumerConnection, nodb.getConsumer());
        new TopologyDeclarer(admin, nodb).declare(List.of(binding));
    }

    void start() {
        consumer.start();
        relay.start();
    }

    /** Everything published so far was handled. */
    boolean drained() {
        return handled.get() >= memory.inserted.get();
    }

    @Override
    public void close() {
        relay.stop();
        consumer.stop();
        consumerConnection.destroy();
        admin.deleteQueue(binding.queue());
        admin.deleteQueue(QueueNames.deadLetter(binding.queue()));
        admin.deleteExchange(exchange);
    }
}
