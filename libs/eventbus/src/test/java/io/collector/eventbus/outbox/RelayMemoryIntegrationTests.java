package io.collector.eventbus.outbox;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.collector.eventbus.config.EventBusProperties;
import io.collector.eventbus.observability.EventBusMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A relay catching up on a long backlog (after a broker outage, say) drains it in one go: it must
 * hold only the batches still open, not every row it has sent, or its memory grows with the backlog.
 */
class RelayMemoryIntegrationTests {

    private static final String URL = System.getenv().getOrDefault("RABBITMQ_URL", "amqp://guest:guest@localhost:5672");
    private static final int ROWS = 3_000;
    private static final int BATCH = 50;

    private final String name = "relaymemory" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private DriverManagerDataSource dataSource;
    private JdbcClient jdbc;
    private CachingConnectionFactory connectionFactory;
    private Connection admin;

    @BeforeEach
    void outboxAndBoundQueue() throws Exception {
        dataSource = new DriverManagerDataSource(
                System.getenv().getOrDefault("DATABASE_URL", "jdbc:postgresql://localhost:5432/collector"),
                System.getenv().getOrDefault("DATABASE_USER", "collector"),
                System.getenv().getOrDefault("DATABASE_PASSWORD", "collector"));
        jdbc = JdbcClient.create(dataSource);
        EventBusSchema.migrate(dataSource, name);
        connectionFactory = new CachingConnectionFactory(new URI(URL));
        admin = connectionFactory.createConnection().getDelegate();
        try (Channel channel = admin.createChannel()) {
            channel.exchangeDeclare(name, "topic", false, true, null);
            channel.queueDeclare(name, false, false, false, null);
            channel.queueBind(name, name, "#");
        }
    }

    @AfterEach
    void removeThem() throws Exception {
        try (Channel channel = admin.createChannel()) {
            channel.queueDelete(name);
            channel.exchangeDelete(name);
        }
        connectionFactory.destroy();
        jdbc.sql("drop schema " + name + " cascade").update();
    }

    @Test
    void aDrainThroughALongBacklogHoldsOnlyItsOpenBatches() {
        BatchWatchingStore store = new BatchWatchingStore(jdbc, name);
        store.insertAll(IntStream.range(0, ROWS).mapToObj(RelayMemoryIntegrationTests::row).toList());

        relay(store).drain();

        assertThat(jdbc.sql("select count(*) from " + name + ".outbox where status = 'SENT'").query(Long.class).single())
                .isEqualTo(ROWS);
        assertThat(store.checks.get()).as("checks made during the drain").isGreaterThan(3);
        assertThat(store.mostEarlierBatchesHeld.get()).as("earlier batches still held when a batch is locked")
                .isLessThanOrEqualTo(OutboxRelay.OPEN_BATCHES - 1);
    }

    /** Counts, every tenth batch, how many earlier batches' rows are still reachable (a full GC clears the rest). */
    private static final class BatchWatchingStore extends OutboxStore {

        private final List<WeakReference<List<OutboxRow>>> locked = new ArrayList<>();
        final AtomicInteger mostEarlierBatchesHeld = new AtomicInteger();
        final AtomicInteger checks = new AtomicInteger();

        BatchWatchingStore(JdbcClient jdbc, String schema) {
            super(jdbc, schema);
        }

        @Override
        synchronized List<OutboxRow> lockDue(int limit) {
            if (locked.size() % 10 == 9) {
                System.gc();
                int held = (int) locked.stream().filter(batch -> batch.get() != null).count();
                mostEarlierBatchesHeld.accumulateAndGet(held, Math::max);
                checks.incrementAndGet();
            }
            List<OutboxRow> rows = super.lockDue(limit);
            if (!rows.isEmpty()) {
                locked.add(new WeakReference<>(rows));
            }
            return rows;
        }
    }

    private OutboxRelay relay(OutboxStore store) {
        EventBusProperties properties = new EventBusProperties();
        properties.setService(name);
        properties.setExchange(name);
        properties.getOutbox().setBatchSize(BATCH);
        return new OutboxRelay(store, new RelaySignal(), connectionFactory,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new EventBusMetrics(new SimpleMeterRegistry(), name), properties);
    }

    private static OutboxRow row(int i) {
        return new OutboxRow(0, UUID.randomUUID(), "order.created", "tenant-memory", UUID.randomUUID().toString(), null,
                ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), Instant.now(), 0);
    }
}
