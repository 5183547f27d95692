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
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    private static final String DURABLE_SINK = SERVICE + ".relay-sink-durable";

    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired CachingConnectionFactory eventBusConnectionFactory;

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
        eventBusRabbitAdmin.deleteQueue(DURABLE_SINK);
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

    @Test
    void manyRowsThroughASmallWindowAllArriveExactlyOnceAndInOrder() {
        bindSink(QueueBuilder.nonDurable(SINK).build());
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            written.add(write(example(EventType.STOCK_LOW, newTenant())));
        }
        // Batches of 40 through a window of 7: every batch is sent while the one before still awaits confirms.
        relay(40, 7).drain();

        assertThat(store.pendingCount()).isZero();
        assertThat(jdbc.sql("select count(*) from " + RELAY_SCHEMA + ".outbox where status = 'SENT' and attempts = 1")
                .query(Long.class).single()).isEqualTo(1500);
        assertThat(receiveAll(1500)).as("each once, in publish order").containsExactlyElementsOf(written);
    }

    @Test
    void rowsReturnedInTheMiddleOfAWindowStayPendingAndAreSentOnceRoutable() {
        // Only stock.low is routable: the order.created rows between them are returned within the same window.
        bindSink(QueueBuilder.nonDurable(SINK).build(), EventType.STOCK_LOW.wireName());
        Set<String> routable = new HashSet<>();
        Set<String> unroutable = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            routable.add(write(example(EventType.STOCK_LOW, newTenant())));
            if (i % 3 == 1) {
                unroutable.add(write(example(EventType.ORDER_CREATED, newTenant())));
            }
        }

        relay(25, 10).drain();

        assertThat(store.pendingCount()).isEqualTo(unroutable.size());
        assertThat(jdbc.sql("select event_id::text from " + RELAY_SCHEMA + ".outbox where status = 'PENDING'"
                + " and last_error like 'returned as unroutable%'").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(unroutable);
        assertThat(receiveAll(routable.size())).containsExactlyInAnyOrderElementsOf(routable);

        bindSink(QueueBuilder.nonDurable(SINK).build(), EventType.ORDER_CREATED.wireName());
        OutboxRelay relay = relay(25, 10);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            relay.drain();
            return store.pendingCount() == 0;
        });
        assertThat(receiveAll(unroutable.size())).containsExactlyInAnyOrderElementsOf(unroutable);
    }

    @Test
    void rowsNackedInTheMiddleOfAWindowStayPendingAndAreRetriedUntilAllArriveOnce() {
        // A queue of 7 that rejects publishes beyond that: the broker confirms 7 of a window and nacks the rest.
        bindSink(QueueBuilder.nonDurable(SINK).maxLength(7).overflow(QueueBuilder.Overflow.rejectPublish).build());
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            written.add(write(example(EventType.STOCK_LOW, newTenant())));
        }

        relay(20, 10).drain();

        // 7 confirmed; the 13 others of the first batch nacked; what came after the first batch that got
        // nothing confirmed waits for the next round.
        assertThat(store.pendingCount()).isEqualTo(43);
        List<String> errors = jdbc.sql("select coalesce(last_error, 'not tried yet') from " + RELAY_SCHEMA + ".outbox"
                + " where status = 'PENDING'").query(String.class).list();
        assertThat(errors.stream().filter(e -> e.startsWith("nacked by the broker")).count()).isGreaterThanOrEqualTo(13);
        assertThat(errors).allMatch(e -> e.startsWith("nacked by the broker") || e.equals("not tried yet"));

        // Taking messages off makes room: each round sends what fits, the rest stays pending and is retried.
        OutboxRelay relay = relay(20, 10);
        List<String> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Message message;
            while ((message = eventBusRabbitTemplate.receive(SINK)) != null) {
                received.add(message.getMessageProperties().getMessageId());
            }
            relay.drain();
            return store.pendingCount() == 0;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Message message;
            while ((message = eventBusRabbitTemplate.receive(SINK)) != null) {
                received.add(message.getMessageProperties().getMessageId());
            }
            return received.size() >= written.size();
        });
        assertThat(received).as("each exactly once").hasSize(written.size()).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void rowsWhoseConfirmDidNotArriveInTimeStayPendingAndAreSentAgain() {
        // A durable queue confirms a persistent message once it is on disk: far longer than the timeout
        // below, even with a park's overshoot (~60 µs). A non-durable queue confirmed within that on a
        // fast host, and then no row was left pending. A name of its own: not a queue of another kind
        // just deleted under the same name.
        bindSink(QueueBuilder.durable(DURABLE_SINK).build());
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            written.add(write(example(EventType.STOCK_LOW, newTenant())));
        }
        // A confirm timeout far below the broker's round trip: rows whose confirm was not in yet count as unconfirmed.
        OutboxRelay impatient = relay(50, 20, Duration.ofNanos(1));

        impatient.drain();

        // The round stops at the first full window; rows after it are untouched (no error, no attempt).
        List<String> pendingErrors = jdbc.sql("select coalesce(last_error, 'not tried yet') from " + RELAY_SCHEMA + ".outbox"
                + " where status = 'PENDING'").query(String.class).list();
        assertThat(pendingErrors).isNotEmpty().allMatch(e -> e.startsWith("no publisher confirm within the timeout")
                || e.startsWith("not sent") || e.equals("not tried yet"), "pending for want of a confirm in time");
        assertThat(jdbc.sql("select count(*) from " + RELAY_SCHEMA + ".outbox where status = 'SENT' and last_error is not null")
                .query(Long.class).single()).isZero();

        OutboxRelay patient = relay(50, 20);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            patient.drain();
            return store.pendingCount() == 0;
        });
        Set<String> received = new HashSet<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Message message;
            while ((message = eventBusRabbitTemplate.receive(DURABLE_SINK)) != null) {
                received.add(message.getMessageProperties().getMessageId());
            }
            return received.containsAll(written);
        });
        assertThat(received).as("every row arrived (an unconfirmed one possibly twice)").isEqualTo(written);
    }

    @Test
    void rowsCommittedWhileABatchSettlesGoOutWithoutWaitingForIt() {
        bindSink(QueueBuilder.nonDurable(SINK).build());
        // The first event's batch is slow to settle: marking its row sent takes 3 s.
        io.collector.events.EventEnvelope<?> slow = example(EventType.STOCK_LOW, newTenant());
        String first = slow.eventId().toString();
        jdbc.sql("create function " + RELAY_SCHEMA + ".slow_marking() returns trigger language plpgsql as $$"
                + " begin if new.status = 'SENT' and new.event_id = '" + first + "' then perform pg_sleep(3); end if;"
                + " return new; end $$").update();
        jdbc.sql("create trigger slow_marking before update on " + RELAY_SCHEMA + ".outbox"
                + " for each row execute function " + RELAY_SCHEMA + ".slow_marking()").update();
        RelaySignal signal = new RelaySignal();
        writer = new OutboxWriter(store, signal);
        OutboxRelay relay = relay(10, 100, Duration.ofSeconds(5), signal);
        relay.start();
        try {
            write(slow);
            assertThat(receiveAll(1)).containsExactly(first);

            String second = write(example(EventType.STOCK_LOW, newTenant()));

            assertThat(receiveAll(1, Duration.ofSeconds(2))).as("sent while the first batch settles").containsExactly(second);
            assertThat(jdbc.sql("select status from " + RELAY_SCHEMA + ".outbox where event_id = '" + first + "'")
                    .query(String.class).single()).as("the first batch not settled yet").isEqualTo("PENDING");
            await().atMost(Duration.ofSeconds(10)).until(() -> store.pendingCount() == 0);
        } finally {
            relay.stop();
        }
    }

    @Test
    void aRowMarkedSentStaysOnItsPageSoOnlyTheChangedBytesAreLogged() {
        bindSink(QueueBuilder.nonDurable(SINK).build());
        for (int i = 0; i < 40; i++) {
            write(example(EventType.ORDER_CREATED, newTenant()));
        }
        List<String> pagesBefore = pagesOfRows();

        relay(10).drain();

        assertThat(store.pendingCount()).isZero();
        assertThat(pagesOfRows()).as("the page of each row, by id, before and after it was marked sent").isEqualTo(pagesBefore);
    }

    @Test
    void purgingDeletesOnlyRowsSentBeforeTheCutoff() {
        String sentLongAgo = write(example(EventType.STOCK_LOW, newTenant()));
        String sentRecently = write(example(EventType.STOCK_LOW, newTenant()));
        String pendingLongAgo = write(example(EventType.STOCK_LOW, newTenant()));
        jdbc.sql("update " + RELAY_SCHEMA + ".outbox set created_at = now() - interval '9 days'").update();
        jdbc.sql("update " + RELAY_SCHEMA + ".outbox set status = 'SENT', sent_at = now() - interval '8 days' where event_id = ?::uuid")
                .param(sentLongAgo).update();
        jdbc.sql("update " + RELAY_SCHEMA + ".outbox set status = 'SENT', sent_at = now() - interval '1 day' where event_id = ?::uuid")
                .param(sentRecently).update();

        int purged = store.purgeSentBefore(java.time.Instant.now().minus(Duration.ofDays(7)));

        assertThat(purged).isEqualTo(1);
        assertThat(jdbc.sql("select event_id::text from " + RELAY_SCHEMA + ".outbox order by id").query(String.class).list())
                .containsExactly(sentRecently, pendingLongAgo);
    }

    /** The heap page of each outbox row, in id order ({@code ctid} is (page, item)). */
    private List<String> pagesOfRows() {
        return jdbc.sql("select (ctid::text::point)[0]::bigint::text from " + RELAY_SCHEMA + ".outbox order by id").query(String.class).list();
    }

    /** Receives until {@code count} messages arrived (message ids, in arrival order), then checks nothing more comes. */
    private List<String> receiveAll(int count) {
        return receiveAll(count, Duration.ofSeconds(20));
    }

    private List<String> receiveAll(int count, Duration within) {
        List<String> received = new ArrayList<>();
        await().atMost(within).until(() -> {
            Message message;
            while ((message = eventBusRabbitTemplate.receive(SINK)) != null) {
                received.add(message.getMessageProperties().getMessageId());
            }
            return received.size() >= count;
        });
        assertThat(eventBusRabbitTemplate.receive(SINK, 200)).as("nothing beyond the expected").isNull();
        return received;
    }

    private String write(io.collector.events.EventEnvelope<?> event) {
        writer.write(event, io.collector.events.EventReader.validBytes(event), null);
        return event.eventId().toString();
    }


    private void bindSink(Queue queue) {
        bindSink(queue, "#");
    }

    private void bindSink(Queue queue, String routingKey) {
        eventBusRabbitAdmin.declareQueue(queue);
        eventBusRabbitAdmin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(RELAY_EXCHANGE)).with(routingKey));
    }

    private String lastError() {
        return jdbc.sql("select last_error from " + RELAY_SCHEMA + ".outbox").query(String.class).single();
    }

    private OutboxRelay relay(int batchSize) {
        return relay(batchSize, new EventBusProperties().getOutbox().getConfirmWindow());
    }

    private OutboxRelay relay(int batchSize, int confirmWindow) {
        return relay(batchSize, confirmWindow, Duration.ofSeconds(5));
    }

    private OutboxRelay relay(int batchSize, int confirmWindow, Duration confirmTimeout) {
        return relay(batchSize, confirmWindow, confirmTimeout, new RelaySignal());
    }

    private OutboxRelay relay(int batchSize, int confirmWindow, Duration confirmTimeout, RelaySignal signal) {
        EventBusProperties properties = new EventBusProperties();
        properties.getOutbox().setConfirmWindow(confirmWindow);
        properties.setService("relaytest");
        properties.setExchange(RELAY_EXCHANGE);
        properties.getOutbox().setBatchSize(batchSize);
        properties.getOutbox().setRetryInitialBackoff(Duration.ZERO);
        properties.getOutbox().setConfirmTimeout(confirmTimeout);
        return new OutboxRelay(store, signal, eventBusConnectionFactory.getPublisherConnectionFactory(),
                new TransactionTemplate(transactionManager),
                new EventBusMetrics(new SimpleMeterRegistry(), "relaytest"), properties);
    }
}
