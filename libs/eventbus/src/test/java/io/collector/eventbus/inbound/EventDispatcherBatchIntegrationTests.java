package io.collector.eventbus.inbound;

import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.eventbus.outbox.EventBusSchema;
import io.collector.events.EventEnvelope;
import io.collector.events.EventExamples;
import io.collector.events.EventReader;
import io.collector.events.EventType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher on a batch, against PostgreSQL: the batch's inbox rows go in with one statement,
 * with the per-message meaning kept (a repeat in the batch or a key already in the inbox is a
 * duplicate, a failing handler rolls back alone in the savepoint re-run).
 */
class EventDispatcherBatchIntegrationTests {

    private static final String SCHEMA = "dispatchtest_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final String QUEUE = "dispatchtest.order.created";

    private DataSource dataSource;
    private JdbcClient jdbc;
    private TransactionTemplate transaction;
    private EventDispatcher dispatcher;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @BeforeEach
    void schema() {
        dataSource = new DriverManagerDataSource(
                System.getenv().getOrDefault("DATABASE_URL", "jdbc:postgresql://localhost:5432/collector"),
                System.getenv().getOrDefault("DATABASE_USER", "collector"),
                System.getenv().getOrDefault("DATABASE_PASSWORD", "collector"));
        jdbc = JdbcClient.create(dataSource);
        EventBusSchema.migrate(dataSource, SCHEMA);
        jdbc.sql("create table " + SCHEMA + ".effects (event_key text not null)").update();
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        dispatcher = new EventDispatcher(new InboxStore(jdbc, SCHEMA), transaction,
                new EventBusMetrics(new SimpleMeterRegistry(), "dispatchtest"));
    }

    @AfterEach
    void dropSchema() {
        jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
    }

    @Test
    void aBatchWithRepeatsAndKnownEventsHasOneEffectPerEvent() {
        InboundMessage first = message(), second = message(), known = message();
        dispatcher.dispatch(binding(null), List.of(known));
        calls.clear();

        List<Outcome> outcomes = dispatcher.dispatch(binding(null), List.of(first, known, second, first, second));

        assertThat(outcomes).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Handled", "Duplicate", "Handled", "Duplicate", "Duplicate");
        assertThat(calls).containsOnlyKeys(key(first), key(second));
        assertThat(calls.values()).allMatch(count -> count.get() == 1);
        assertThat(effects()).as("one effect per event, the known one's from before").containsExactlyInAnyOrder(key(first), key(second), key(known));
        assertThat(inbox()).containsExactlyInAnyOrder(key(first), key(second), key(known));
    }

    @Test
    void aFailingHandlerRollsBackAloneAndIsNotCalledTwice() {
        List<InboundMessage> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(message());
        }
        String failing = key(batch.get(7));

        List<Outcome> outcomes = dispatcher.dispatch(binding(failing), batch);

        assertThat(outcomes.get(7)).isInstanceOf(Outcome.Retry.class);
        assertThat(outcomes.stream().filter(o -> o instanceof Outcome.Handled)).hasSize(19);
        assertThat(calls.get(failing).get()).as("the failed handler's calls").isEqualTo(1);
        assertThat(effects()).hasSize(19).doesNotContain(failing);
        assertThat(inbox()).as("no inbox row for the failed event: its retry is not a duplicate").hasSize(19).doesNotContain(failing);

        // The retry of the failed event is handled; a repeat of a handled one is a duplicate.
        List<Outcome> again = dispatcher.dispatch(binding(null), List.of(batch.get(7), batch.get(3)));
        assertThat(again).extracting(o -> o.getClass().getSimpleName()).containsExactly("Handled", "Duplicate");
        assertThat(effects()).hasSize(20);
    }

    private HandlerBinding binding(String failingKey) {
        return new HandlerBinding(EventType.ORDER_CREATED, QUEUE, 3, event -> {
            String key = event.eventId().toString();
            calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            jdbc.sql("insert into " + SCHEMA + ".effects (event_key) values (?)").param(key).update();
            if (key.equals(failingKey)) {
                throw new IllegalStateException("handler failed on purpose");
            }
        });
    }

    private static InboundMessage message() {
        EventEnvelope<?> example = EventReader.read(EventExamples.load(EventType.ORDER_CREATED));
        EventEnvelope<?> event = new EventEnvelope<>(UUID.randomUUID(), 1, example.type(), Instant.now(), "tenant-dispatch",
                example.source(), "corr-" + UUID.randomUUID(), null, example.data());
        return InboundMessage.of(EventReader.validBytes(event));
    }

    private static String key(InboundMessage message) {
        return EventReader.read(message.body()).eventId().toString();
    }

    private List<String> effects() {
        return jdbc.sql("select event_key from " + SCHEMA + ".effects").query(String.class).list();
    }

    private List<String> inbox() {
        return jdbc.sql("select event_key from " + SCHEMA + ".inbox").query(String.class).list();
    }
}
