package io.collector.admintest;

import io.collector.eventbus.EventPublisher;
import io.collector.eventbus.inbound.FailureHeaders;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventEnvelope;
import io.collector.events.EventExamples;
import io.collector.events.EventJson;
import io.collector.events.EventReader;
import io.collector.events.EventType;
import io.collector.service.security.LocalTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin API of a service on the real RabbitMQ and PostgreSQL: its own service name, schema and
 * exchange, all removed when the context closes ({@link AdminTestApplication.Cleanup}).
 */
@SpringBootTest(classes = AdminTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "collector.eventbus.broker-enabled=true",
                "collector.eventbus.queue-expires=10m",
                // A row the broker returned stays pending for the whole test unless an operator retries it.
                "collector.eventbus.outbox.retry-initial-backoff=5m",
                "collector.eventbus.outbox.retry-max-backoff=5m",
                "logging.level.io.collector.eventbus.operations=INFO"})
@ExtendWith(OutputCaptureExtension.class)
class AdminApiIntegrationTests {

    static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    static final String SERVICE = "admintest-" + RUN;
    static final String SCHEMA = "admintest_" + RUN;
    static final String EXCHANGE = "collector-events-admintest-" + RUN;
    static final String QUEUE = QueueNames.queue(SERVICE, EventType.STOCK_LOW.wireName());
    static final String DLQ = QueueNames.deadLetter(QUEUE);
    static final String OPERATOR = "ops-alice";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("collector.eventbus.service", () -> SERVICE);
        registry.add("collector.eventbus.schema", () -> SCHEMA);
        registry.add("collector.eventbus.exchange", () -> EXCHANGE);
    }

    @LocalServerPort int port;
    @Autowired EventPublisher publisher;
    @Autowired TransactionTemplate transaction;
    @Autowired AdminTestApplication.StockLowHandler handler;
    @Autowired RabbitTemplate eventBusRabbitTemplate;
    @Autowired RabbitAdmin eventBusRabbitAdmin;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;

    @Test
    void onlyAdminTokensGetIn() throws Exception {
        assertThat(send("GET", "/api/admin/dead-letters", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/admin/dead-letters", token("acme", List.of("user")), null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/admin/outbox/retry", token("acme", List.of("user")), null).statusCode()).isEqualTo(403);

        HttpResponse<String> queues = send("GET", "/api/admin/dead-letters", admin(), null);
        assertThat(queues.statusCode()).isEqualTo(200);
        assertThat(json(queues).get(0).path("name").asString()).isEqualTo(DLQ);
        assertThat(json(queues).get(0).path("queue").asString()).isEqualTo(QUEUE);
        assertThat(json(queues).get(0).path("eventType").asString()).isEqualTo("stock.low");
    }

    @Test
    void failedEventIsShownReplayedOnceAndAReplayedDuplicateHasNoSecondEffect(CapturedOutput output) throws Exception {
        EventEnvelope<?> event = publishFailing("tenant-a");
        JsonNode listed = awaitInDlq(event.eventId());

        assertThat(listed.path("tenantId").asString()).isEqualTo("tenant-a");
        assertThat(listed.path("type").asString()).isEqualTo("stock.low");
        assertThat(listed.path("correlationId").asString()).isEqualTo(event.correlationId());
        assertThat(listed.path("originalQueue").asString()).isEqualTo(QUEUE);
        assertThat(listed.path("deadLetterReason").asString()).isEqualTo("PERMANENT_FAILURE");
        assertThat(listed.path("exceptionClass").asString()).isEqualTo("io.collector.eventbus.PermanentEventFailure");
        assertThat(listed.path("exceptionMessage").asString()).contains("marked to fail");
        assertThat(listed.path("attempts").asInt()).isEqualTo(1);
        assertThat(listed.path("firstFailureAt").asString()).isNotBlank();
        assertThat(listed.path("lastFailureAt").asString()).isNotBlank();
        assertThat(listed.path("headers").path(FailureHeaders.EXCEPTION_CLASS).asString()).isNotBlank();
        assertThat(listed.path("body").path("eventId").asString()).isEqualTo(event.eventId().toString());
        assertThat(listed.path("body").path("data").isObject()).isTrue();

        String path = "/api/admin/dead-letters/" + DLQ + "/" + event.eventId();
        HttpResponse<String> shown = send("GET", path, admin(), null);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(json(shown).path("messageId").asString()).isEqualTo(event.eventId().toString());
        assertThat(send("GET", path, admin(), null).statusCode()).as("showing twice: still there").isEqualTo(200);
        assertThat(send("GET", "/api/admin/dead-letters/" + DLQ + "/" + UUID.randomUUID(), admin(), null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/admin/dead-letters/other-service.stock.low.dlq", admin(), null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/admin/dead-letters/" + DLQ + "/" + UUID.randomUUID() + "/replay", admin(), null).statusCode())
                .isEqualTo(404);
        Message duplicate = dlqCopyOf(event);

        handler.failing.remove(event.eventId());   // the "fix"
        HttpResponse<String> replayed = send("POST", path + "/replay", admin(), null);

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(json(replayed).path("replayedTo").asString()).isEqualTo(QUEUE);
        assertThat(json(replayed).path("actor").asString()).isEqualTo(OPERATOR);
        await().atMost(Duration.ofSeconds(20)).until(() -> handler.handled(event.eventId()) == 1);
        assertThat(messageIdsInDlq()).doesNotContain(event.eventId().toString());
        assertThat(output.getAll()).contains("admin " + OPERATOR + " replayed stock.low " + event.eventId());

        // The same event once more in the DLQ (say a second copy), replayed: the inbox refuses a second effect.
        eventBusRabbitTemplate.send("", DLQ, duplicate);
        await().atMost(Duration.ofSeconds(10)).until(() -> messageIdsInDlq().contains(event.eventId().toString()));
        double duplicatesBefore = duplicates();
        assertThat(send("POST", path + "/replay", admin(), null).statusCode()).isEqualTo(200);
        // Waited for by the inbox's verdict: a later event's handling would say nothing (two batch threads per queue).
        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() > duplicatesBefore);

        assertThat(handler.handled(event.eventId())).isEqualTo(1);
        assertThat(messageIdsInDlq()).doesNotContain(event.eventId().toString());
        assertThat(jdbc.sql("select count(*) from " + SCHEMA + ".inbox where event_key = ?")
                .param(event.eventId().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void replayAllSendsEveryMessageBack() throws Exception {
        EventEnvelope<?> first = publishFailing("tenant-b");
        EventEnvelope<?> second = publishFailing("tenant-c");
        awaitInDlq(first.eventId());
        awaitInDlq(second.eventId());
        handler.failing.remove(first.eventId());
        handler.failing.remove(second.eventId());

        HttpResponse<String> replayed = send("POST", "/api/admin/dead-letters/" + QUEUE + "/replay", admin(), null);

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(json(replayed).path("replayed").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(json(replayed).path("failure").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> handler.handled(first.eventId()) == 1 && handler.handled(second.eventId()) == 1);
        assertThat(messageIdsInDlq()).isEmpty();
    }

    @Test
    void discardNeedsAReasonAndRecordsItWithTheActor(CapturedOutput output) throws Exception {
        EventEnvelope<?> event = publishFailing("tenant-d");
        awaitInDlq(event.eventId());
        String path = "/api/admin/dead-letters/" + DLQ + "/" + event.eventId() + "/discard";

        HttpResponse<String> noReason = send("POST", path, admin(), "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(send("POST", path, admin(), "{\"reason\": \"  \"}").statusCode()).isEqualTo(400);
        assertThat(send("POST", path, admin(), null).statusCode()).isEqualTo(400);
        assertThat(messageIdsInDlq()).as("nothing discarded without a reason").contains(event.eventId().toString());

        HttpResponse<String> discarded = send("POST", path, admin(), "{\"reason\": \"test data, never valid\"}");

        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(200);
        assertThat(json(discarded).path("actor").asString()).isEqualTo(OPERATOR);
        assertThat(messageIdsInDlq()).doesNotContain(event.eventId().toString());
        assertThat(handler.handled(event.eventId())).isZero();
        JsonNode recorded = null;
        for (JsonNode discard : json(send("GET", "/api/admin/dead-letters/discards", admin(), null))) {
            if (discard.path("messageId").asString().equals(event.eventId().toString())) {
                recorded = discard;
            }
        }
        assertThat(recorded).isNotNull();
        assertThat(recorded.path("reason").asString()).isEqualTo("test data, never valid");
        assertThat(recorded.path("actor").asString()).isEqualTo(OPERATOR);
        assertThat(recorded.path("tenantId").asString()).isEqualTo("tenant-d");
        assertThat(recorded.path("eventType").asString()).isEqualTo("stock.low");
        assertThat(recorded.path("queue").asString()).isEqualTo(DLQ);
        assertThat(recorded.path("headers").path(FailureHeaders.DEAD_LETTER_REASON).asString()).isEqualTo("PERMANENT_FAILURE");
        assertThat(recorded.path("body").path("eventId").asString()).isEqualTo(event.eventId().toString());
        assertThat(output.getAll()).contains("admin " + OPERATOR + " discarded stock.low " + event.eventId());
    }

    @Test
    void unroutableOutboxRowIsListedAndRetriedOnDemand(CapturedOutput output) throws Exception {
        // Nothing is bound for offer.approved on this run's exchange: the broker returns it, the row stays pending.
        EventEnvelope<?> event = publish(example(EventType.OFFER_APPROVED, "tenant-e"));
        JsonNode row = await().atMost(Duration.ofSeconds(20)).until(() -> outboxRow(event.eventId(), "PENDING"),
                r -> r != null && !r.path("lastError").isNull());
        assertThat(row.path("lastError").asString()).contains("returned");
        assertThat(row.path("attempts").asInt()).isEqualTo(1);
        assertThat(row.path("status").asString()).isEqualTo("PENDING");
        assertThat(row.path("tenantId").asString()).isEqualTo("tenant-e");
        assertThat(Instant.parse(row.path("nextAttemptAt").asString())).isAfter(Instant.now().plusSeconds(60));
        assertThat(outboxRow(event.eventId(), "FAILED")).isNotNull();
        assertThat(send("GET", "/api/admin/outbox?status=bogus", admin(), null).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/admin/outbox/999999999/retry", admin(), null).statusCode()).isEqualTo(404);

        String sink = SERVICE + ".offer-sink";
        Queue queue = new Queue(sink, false, false, true);
        eventBusRabbitAdmin.declareQueue(queue);
        eventBusRabbitAdmin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(EXCHANGE)).with(EventType.OFFER_APPROVED.wireName()));
        try {
            HttpResponse<String> retried = send("POST", "/api/admin/outbox/" + row.path("id").asLong() + "/retry", admin(), null);

            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> outboxRow(event.eventId(), "SENT") != null);
            Message received = eventBusRabbitTemplate.receive(sink, 5000);
            assertThat(received).isNotNull();
            assertThat(received.getMessageProperties().getMessageId()).isEqualTo(event.eventId().toString());
            assertThat(send("POST", "/api/admin/outbox/" + row.path("id").asLong() + "/retry", admin(), null).statusCode())
                    .as("a sent row is not retried").isEqualTo(409);
            HttpResponse<String> all = send("POST", "/api/admin/outbox/retry", admin(), null);
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(json(all).path("actor").asString()).isEqualTo(OPERATOR);
            assertThat(output.getAll()).contains("admin " + OPERATOR + " retried outbox row " + row.path("id").asLong());
        } finally {
            eventBusRabbitAdmin.deleteQueue(sink);
        }
    }

    // ---- helpers

    private EventEnvelope<?> publishFailing(String tenant) {
        EventEnvelope<?> event = example(tenant);
        handler.failing.add(event.eventId());
        return publish(event);
    }

    private EventEnvelope<?> publish(EventEnvelope<?> event) {
        return transaction.execute(status -> publisher.publish(event));
    }

    private static EventEnvelope<?> example(String tenant) {
        return example(EventType.STOCK_LOW, tenant);
    }

    private static EventEnvelope<?> example(EventType type, String tenant) {
        EventEnvelope<?> example = EventReader.read(EventExamples.load(type));
        return new EventEnvelope<>(UUID.randomUUID(), 1, example.type(), Instant.now(), tenant, example.source(),
                "corr-" + UUID.randomUUID(), null, example.data());
    }

    /** Duplicates the queue's consumers skipped, by the bus's metric. */
    private double duplicates() {
        Counter counter = meters.find("collector.events.duplicates").tags("consumer", QUEUE, "type", "stock.low").counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode awaitInDlq(UUID eventId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode message : json(send("GET", "/api/admin/dead-letters/" + DLQ + "?limit=100", admin(), null))) {
                if (message.path("messageId").asString().equals(eventId.toString())) {
                    return message;
                }
            }
            return null;
        }, message -> message != null);
    }

    private List<String> messageIdsInDlq() throws Exception {
        List<String> ids = new ArrayList<>();
        HttpResponse<String> response = send("GET", "/api/admin/dead-letters/" + DLQ + "?limit=100", admin(), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        json(response).forEach(message -> ids.add(message.path("messageId").asString()));
        return ids;
    }

    private JsonNode outboxRow(UUID eventId, String status) throws Exception {
        for (JsonNode row : json(send("GET", "/api/admin/outbox?status=" + status, admin(), null))) {
            if (row.path("eventId").asString().equals(eventId.toString())) {
                return row;
            }
        }
        return null;
    }

    /** What the bus would put in the DLQ for this event: same body and id, failure headers. */
    private static Message dlqCopyOf(EventEnvelope<?> event) {
        MessageProperties props = new MessageProperties();
        props.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        props.setMessageId(event.eventId().toString());
        props.setType(event.type());
        props.setHeader("x-tenant-id", event.tenantId());
        props.setHeader(FailureHeaders.ORIGINAL_QUEUE, QUEUE);
        props.setHeader(FailureHeaders.ATTEMPTS, 1);
        props.setHeader(FailureHeaders.DEAD_LETTER_REASON, "PERMANENT_FAILURE");
        props.setHeader(FailureHeaders.EXCEPTION_CLASS, "io.collector.eventbus.PermanentEventFailure");
        return new Message(EventJson.write(event), props);
    }

    private static String admin() {
        return LocalTokens.mint(LocalTokens.DEVELOPMENT_SECRET, null, OPERATOR, List.of("admin"), Duration.ofMinutes(5));
    }

    private static String token(String tenant, List<String> roles) {
        return LocalTokens.mint(LocalTokens.DEVELOPMENT_SECRET, tenant, "tester", roles, Duration.ofMinutes(5));
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
