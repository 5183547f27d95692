package io.collector.eventbus;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.collector.eventbus.inbound.ConsumerConnection;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue consumers' own connection: theirs alone, with callbacks on the connection's reader thread. */
class ConsumerConnectionIntegrationTests extends BusIntegrationTest {

    @Autowired CachingConnectionFactory eventBusConnectionFactory;

    @Test
    void everyQueueConsumerOfTheServiceIsOnTheConsumersConnectionAndNothingElseIs() {
        Map<String, String> connectionOfChannel = new HashMap<>();
        for (String[] row : brokerListing("list_channels", "pid", "connection")) {
            connectionOfChannel.put(row[0], row[1]);
        }
        String consumersConnection = brokerListing("list_connections", "pid", "client_properties").stream()
                .filter(row -> String.join(" ", row).contains("collector-" + SERVICE + "-consumers"))
                .map(row -> row[0]).findFirst().orElseThrow();
        List<String[]> consumers = brokerListing("list_consumers", "queue_name", "channel_pid");
        List<String> connectionsOfServiceConsumers = consumers.stream()
                .filter(row -> row[0].startsWith(SERVICE + "."))
                .map(row -> connectionOfChannel.get(row[1])).toList();
        List<String> consumersOnThatConnection = consumers.stream()
                .filter(row -> consumersConnection.equals(connectionOfChannel.get(row[1])))
                .map(row -> row[0]).toList();

        assertThat(connectionsOfServiceConsumers).as("the connection of each consumer of the service's queues, one per queue")
                .hasSize(handlers.bindings().size())
                .containsOnly(consumersConnection);
        assertThat(consumersOnThatConnection).allMatch(queue -> queue.startsWith(SERVICE + "."));
    }

    @Test
    void consumerCallbacksRunOnTheConnectionsReaderThread() throws Exception {
        CachingConnectionFactory factory = ConsumerConnection.on(eventBusConnectionFactory.getRabbitConnectionFactory(),
                "consumer-connection-test-" + RUN);
        try {
            Channel channel = factory.createConnection().createChannel(false);
            String queue = channel.queueDeclare().getQueue();
            CompletableFuture<String> callbackThread = new CompletableFuture<>();
            channel.basicConsume(queue, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    callbackThread.complete(Thread.currentThread().getName());
                }
            });

            channel.basicPublish("", queue, null, "hello".getBytes(StandardCharsets.UTF_8));

            assertThat(callbackThread.get(10, TimeUnit.SECONDS)).startsWith("AMQP Connection");
        } finally {
            factory.destroy();
        }
    }
}
