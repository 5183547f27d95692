package io.collector.eventbus.inbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batches of one channel commit out of order when several threads handle them: the acks must then
 * settle exactly the committed messages, and a multiple ack must never name a tag the broker no
 * longer holds (that would close the channel). Observed on the real broker: what it gives back to
 * the queue when the channel closes is what was not acked. A seventh message is never settled, so
 * its return shows that the broker has given back what it holds (it returns a consumer's messages at once).
 */
class AckFrontierIntegrationTests {

    private static final int MESSAGES = 6;

    private final String queue = "ack-frontier-test-" + UUID.randomUUID();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private Connection connection;
    private Channel admin;
    private Channel consuming;
    private AckFrontier acks;

    @BeforeEach
    void sixMessagesDeliveredAndUnacked() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(System.getenv().getOrDefault("RABBITMQ_URL", "amqp://guest:guest@localhost:5672"));
        connection = factory.newConnection("ack-frontier-test");
        admin = connection.createChannel();
        admin.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
        for (int i = 1; i <= MESSAGES + 1; i++) {
            admin.basicPublish("", queue, null, ("m" + i).getBytes(StandardCharsets.UTF_8));
        }
        consuming = connection.createChannel();
        acks = new AckFrontier(consuming, queue, Duration.ofHours(1), 1000);
        consuming.basicQos(MESSAGES + 1);
        consuming.basicConsume(queue, false, new DefaultConsumer(consuming) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                deliveries.add(new Delivery(acks, envelope, properties, body));
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() == MESSAGES + 1);
    }

    @AfterEach
    void removeQueue() throws Exception {
        admin.queueDelete(queue);
        connection.close();
    }

    @Test
    void aBatchCommittedAheadOfAnEarlierOneIsNotAckedUntilTheEarlierOneCommits() throws Exception {
        acks.committed(tags(4, 5, 6));
        acks.flush();

        assertThat(returnedWhenTheChannelCloses()).isEqualTo(MESSAGES);
    }

    @Test
    void onceTheEarlierBatchCommitsBothAreAcked() throws Exception {
        acks.committed(tags(4, 5, 6));
        acks.committed(tags(1, 2, 3));
        acks.flush();

        assertThat(returnedWhenTheChannelCloses()).isZero();
    }

    @Test
    void messagesSettledOnTheirOwnAmongCommittedOnesKeepTheChannelOpen() throws Exception {
        acks.committed(tags(1, 2));
        acks.ack(delivery(6));
        acks.ack(delivery(4));
        acks.committed(tags(3));
        acks.flush();
        acks.committed(tags(5));
        acks.flush();

        assertThat(returnedWhenTheChannelCloses()).isZero();
    }

    @Test
    void aRejectedMessageGoesBackToTheQueueAndTheRestIsAcked() throws Exception {
        acks.committed(tags(1, 2, 3, 4, 5));
        acks.reject(delivery(6));
        acks.flush();

        assertThat(returnedWhenTheChannelCloses()).isEqualTo(1);
    }

    @Test
    void aMessageSettledTwiceIsSettledOnceAndTheChannelStaysOpen() throws Exception {
        acks.committed(tags(1, 2, 3));
        acks.flush();
        acks.reject(delivery(2));
        acks.ack(delivery(3));
        acks.committed(tags(4, 5, 6, 3));
        acks.flush();

        assertThat(returnedWhenTheChannelCloses()).isZero();
    }

    @Test
    void theHeldAckGoesOutOnceTheConfiguredNumberOfMessagesIsHeld() throws Exception {
        acks = new AckFrontier(consuming, queue, Duration.ofHours(1), 3);
        acks.committed(tags(2, 3));
        acks.committed(tags(1));

        assertThat(returnedWhenTheChannelCloses()).isEqualTo(MESSAGES - 3);
    }

    /**
     * Closes the consuming channel (after a round trip on it: a refused ack would have closed it) and
     * counts what the broker requeued, the unsettled seventh message aside.
     */
    private long returnedWhenTheChannelCloses() throws Exception {
        consuming.basicQos(MESSAGES + 1);
        assertThat(consuming.isOpen()).as("the consuming channel after the acks").isTrue();
        consuming.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.messageCount(queue) > 0);
        return admin.messageCount(queue) - 1;
    }

    private List<Delivery> tags(long... tags) {
        return java.util.Arrays.stream(tags).mapToObj(this::delivery).toList();
    }

    private Delivery delivery(long tag) {
        return deliveries.stream().filter(delivery -> delivery.tag() == tag).findFirst().orElseThrow();
    }
}
