package io.collector.eventbus.outbox;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.collector.eventbus.outbox.ConfirmedChannel.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay's channel on the real broker: every publish gets exactly the answer the broker gave, or a loss. */
class ConfirmedChannelIntegrationTests {

    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private final String exchange = "confirmed-channel-test-" + UUID.randomUUID();
    private final String queue = exchange + ".sink";
    private Connection connection;
    private Channel admin;

    @BeforeEach
    void exchangeWithOneQueueBoundToRoutedKey() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(System.getenv().getOrDefault("RABBITMQ_URL", "amqp://guest:guest@localhost:5672"));
        connection = factory.newConnection("confirmed-channel-test");
        admin = connection.createChannel();
        admin.exchangeDeclare(exchange, "topic", false, true, null);
        admin.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
        admin.queueBind(queue, exchange, "routed");
    }

    @AfterEach
    void removeThem() throws Exception {
        if (connection.isOpen()) {
            admin.queueDelete(queue);
            admin.exchangeDelete(exchange);
            connection.close();
        } else {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(System.getenv().getOrDefault("RABBITMQ_URL", "amqp://guest:guest@localhost:5672"));
            try (Connection cleanup = factory.newConnection(); Channel channel = cleanup.createChannel()) {
                channel.queueDelete(queue);
                channel.exchangeDelete(exchange);
            }
        }
    }

    @Test
    void routedMessagesAreConfirmedAndUnroutableOnesAnsweredAsReturned() throws Exception {
        ConfirmedChannel channel = new ConfirmedChannel(connection.createChannel());
        List<CompletableFuture<Answer>> routed = new ArrayList<>();
        List<CompletableFuture<Answer>> unroutable = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            (i % 10 == 3 ? unroutable : routed).add(channel.publish(exchange, i % 10 == 3 ? "nowhere" : "routed", properties(), BODY));
        }

        for (CompletableFuture<Answer> answer : routed) {
            assertThat(answer.get(10, TimeUnit.SECONDS).confirmed()).isTrue();
        }
        for (CompletableFuture<Answer> answer : unroutable) {
            assertThat(answer.get(10, TimeUnit.SECONDS).failure()).startsWith("returned as unroutable (no queue bound for routing key nowhere)");
        }
        assertThat(admin.messageCount(queue)).isEqualTo(routed.size());
        channel.close();
    }

    @Test
    void aLostConnectionAnswersEveryUnconfirmedPublishAtOnce() throws Exception {
        ConfirmedChannel channel = new ConfirmedChannel(connection.createChannel());
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            answers.add(channel.publish(exchange, "routed", properties(), BODY));
        }

        connection.abort();

        await().atMost(Duration.ofSeconds(5)).until(() -> answers.stream().allMatch(CompletableFuture::isDone));
        for (CompletableFuture<Answer> answer : answers) {
            Answer given = answer.join();
            assertThat(given.confirmed() || given.failure().startsWith("no publisher confirm: the channel closed"))
                    .as("%s", given).isTrue();
        }
        assertThat(channel.isOpen()).isFalse();
    }

    private static AMQP.BasicProperties properties() {
        return new AMQP.BasicProperties.Builder().messageId(UUID.randomUUID().toString()).deliveryMode(2).build();
    }
}
