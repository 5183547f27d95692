package io.collector.eventbus.outbox;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Held flushes on the real broker: nothing held reaches it before the flush, everything after, and nothing else is held. */
class CoalescedWritesIntegrationTests {

    private static final String URL = System.getenv().getOrDefault("RABBITMQ_URL", "amqp://guest:guest@localhost:5672");
    /** Three of these stay far below the client's 8 KiB buffer, so only a flush can send them. */
    private static final byte[] BODY = "{\"small\":true}".getBytes(StandardCharsets.UTF_8);

    private final String queue = "coalesced-writes-test-" + UUID.randomUUID();
    private Connection connection;
    private Channel channel;

    @BeforeEach
    void queueAndConfirmChannel() throws Exception {
        ConnectionFactory factory = CoalescedWrites.connectionFactory();
        factory.setUri(URL);
        connection = factory.newConnection("coalesced-writes-test");
        channel = connection.createChannel();
        channel.queueDeclare(queue, false, false, true, null);
        channel.confirmSelect();
    }

    @AfterEach
    void closeIt() throws Exception {
        channel.queueDelete(queue);
        connection.close();
    }

    @Test
    void publishesHeldOnAThreadReachTheBrokerOnlyWithTheFlush() throws Exception {
        try (CoalescedWrites.Held held = CoalescedWrites.hold()) {
            for (int i = 0; i < 3; i++) {
                channel.basicPublish("", queue, null, BODY);
            }
            assertThatThrownBy(() -> channel.waitForConfirms(300))
                    .as("the broker cannot confirm what it never got").isInstanceOf(TimeoutException.class);

            held.flush();

            channel.waitForConfirmsOrDie(5_000);
        }
        assertThat(channel.messageCount(queue)).isEqualTo(3);
    }

    @Test
    void closingTheScopeSendsWhatItHeldAndLaterPublishesGoOutAtOnce() throws Exception {
        try (CoalescedWrites.Held ignored = CoalescedWrites.hold()) {
            channel.basicPublish("", queue, null, BODY);
        }
        channel.waitForConfirmsOrDie(5_000);

        channel.basicPublish("", queue, null, BODY);
        channel.waitForConfirmsOrDie(5_000);

        assertThat(channel.messageCount(queue)).isEqualTo(2);
    }
}
