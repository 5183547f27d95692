package io.collector.eventbus.operations;

import io.collector.eventbus.inbound.FailureHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTests {

    @Test
    void aReplayedCopyKeepsBodyIdAndPropertiesButNotTheFailureBookkeeping() {
        MessageProperties props = new MessageProperties();
        props.setMessageId("7b0c");
        props.setCorrelationId("corr-1");
        props.setType("stock.low");
        props.setAppId("inventory-service");
        props.setTimestamp(new Date(1_700_000_000_000L));
        props.setContentType("application/json");
        props.setHeader("x-tenant-id", "acme");
        props.setHeader("traceparent", "00-abc-def-01");
        DeadLetters.FAILURE_HEADERS.forEach(name -> props.setHeader(name, "x"));
        props.setHeader("x-death", List.of());
        props.setHeader(DeadLetters.REPLAYED_BY, "someone-before");
        byte[] body = "{\"eventId\":\"7b0c\"}".getBytes(StandardCharsets.UTF_8);

        Message copy = DeadLetters.replayCopy(new Message(body, props), "ops-alice");

        MessageProperties copied = copy.getMessageProperties();
        assertThat(copy.getBody()).isEqualTo(body);
        assertThat(copied.getMessageId()).isEqualTo("7b0c");
        assertThat(copied.getCorrelationId()).isEqualTo("corr-1");
        assertThat(copied.getType()).isEqualTo("stock.low");
        assertThat(copied.getAppId()).isEqualTo("inventory-service");
        assertThat(copied.getTimestamp()).isEqualTo(new Date(1_700_000_000_000L));
        assertThat(copied.getDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(copied.getHeaders()).containsEntry("x-tenant-id", "acme").containsEntry("traceparent", "00-abc-def-01")
                .containsEntry(DeadLetters.REPLAYED_BY, "ops-alice").containsKey(DeadLetters.REPLAYED_AT)
                .doesNotContainKeys(FailureHeaders.RETRY_COUNT, FailureHeaders.ATTEMPTS, FailureHeaders.EXCEPTION_CLASS,
                        FailureHeaders.EXCEPTION_MESSAGE, FailureHeaders.ORIGINAL_QUEUE, FailureHeaders.FIRST_FAILURE_AT,
                        FailureHeaders.LAST_FAILURE_AT, FailureHeaders.DEAD_LETTER_REASON, "x-death");
    }

    @Test
    void aMessageIsNamedByItsMessageIdElseByTheHashOfItsBody() {
        byte[] body = "not json".getBytes(StandardCharsets.UTF_8);

        assertThat(DeadLetters.messageId("abc", body)).isEqualTo("abc");
        assertThat(DeadLetters.messageId(" ", body)).isEqualTo(DeadLetters.messageId(null, body))
                .startsWith("sha256:").hasSize(7 + 64);
    }

    @Test
    void describingFallsBackToTheBodyAndMakesHeadersJsonFriendly() {
        MessageProperties props = new MessageProperties();
        props.setHeader(FailureHeaders.ATTEMPTS, 4);
        props.setHeader("x-bytes", "raw".getBytes(StandardCharsets.UTF_8));
        props.setHeader("x-nested", Map.of("when", new Date(0)));
        byte[] body = "{\"type\":\"stock.low\",\"tenantId\":\"acme\",\"correlationId\":\"c-9\"}".getBytes(StandardCharsets.UTF_8);

        DeadLetters.DeadLetter letter = DeadLetters.describe("svc.stock.low.dlq", new Message(body, props), true);

        assertThat(letter.type()).isEqualTo("stock.low");
        assertThat(letter.tenantId()).isEqualTo("acme");
        assertThat(letter.correlationId()).isEqualTo("c-9");
        assertThat(letter.messageId()).startsWith("sha256:");
        assertThat(letter.redelivered()).isTrue();
        assertThat(letter.header(FailureHeaders.ATTEMPTS)).isEqualTo("4");
        assertThat(letter.headers()).containsEntry("x-bytes", "raw").containsEntry("x-nested", Map.of("when", "1970-01-01T00:00:00Z"));
        assertThat(DeadLetters.describe("q", new Message("{oops".getBytes(StandardCharsets.UTF_8), new MessageProperties()), false).type()).isNull();
    }
}
