package io.collector.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The broker's latency measured the way the bus's is: a publisher on the RabbitMQ client, paced
 * open-loop at the bus's rate, stamps each message with the nanoTime its publish call began (a wait
 * for room in the confirm window counts, as the bus's wait in its outbox does), and a consumer in
 * this JVM takes the difference. PerfTest settings otherwise: persistent, confirm window, prefetch,
 * a quorum queue, multiple acks every {@code consumer-batch-size}, the bus's message size. What is
 * left between this and the bus's latency is the bus.
 */
final class RawClientLatency {

    private RawClientLatency() {
    }

    /** The latencies, and where the slow ones were published ({@link Stats#slowBySecond}). */
    record Result(Stats stats, String slowBySecond) {
    }

    static Result measure(BenchConfig config, int messageSize, double rate) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(config.rabbitmqUrl);
        String queue = "bench-" + config.run + ".raw-latency";
        long measureFrom = PacedLoad.endOfWarmUp();
        long[] samples = new long[BenchConfig.latencySamples(rate, config.latencySeconds)];
        long[] publishedAt = new long[samples.length];
        AtomicInteger count = new AtomicInteger();
        AtomicLong received = new AtomicLong();
        try (Connection connection = factory.newConnection("collector-bench-raw-latency")) {
            Channel consuming = connection.createChannel();
            consuming.queueDeclare(queue, true, false, false,
                    Map.of("x-queue-type", "quorum", "x-expires", BenchConfig.QUEUE_EXPIRES_MINUTES * 60_000));
            consuming.basicQos(config.prefetch);
            int ackEvery = Math.max(1, config.consumerBatchSize);
            consuming.basicConsume(queue, false, new DefaultConsumer(consuming) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) throws IOException {
                    long sent = ByteBuffer.wrap(body).getLong();
                    if (sent >= measureFrom) {
                        int i = count.getAndIncrement();
                        if (i < samples.length) {
                            samples[i] = System.nanoTime() - sent;
                            publishedAt[i] = sent;
                        }
                    }
                    received.incrementAndGet();
                    if (envelope.getDeliveryTag() % ackEvery == 0) {
                        getChannel().basicAck(envelope.getDeliveryTag(), true);
                    }
                }
            });

            Channel publishing = connection.createChannel();
            publishing.confirmSelect();
            Semaphore window = new Semaphore(config.confirmWindow);
            ConcurrentNavigableMap<Long, Boolean> unconfirmed = new ConcurrentSkipListMap<>();
            publishing.addConfirmListener((seq, multiple) -> settle(unconfirmed, window, seq, multiple),
                    (seq, multiple) -> settle(unconfirmed, window, seq, multiple));
            AMQP.BasicProperties persistent = new AMQP.BasicProperties.Builder().deliveryMode(2).build();
            byte[] body = new byte[messageSize];
            PacedLoad load = new PacedLoad("bench-raw-latency-publisher", rate, BenchConfig.latencyRunSeconds(config.latencySeconds), 1,
                    t0 -> {
                        try {
                            window.acquire();
                            ByteBuffer.wrap(body).putLong(t0);
                            unconfirmed.put(publishing.getNextPublishSeqNo(), Boolean.TRUE);
                            publishing.basicPublish("", queue, persistent, body);
                        } catch (IOException e) {
                            throw new IllegalStateException("raw publish failed: " + e, e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
            load.await();
            long sent = load.completedTicks();
            BusPhases.waitUntil(() -> received.get() >= sent, config.latencyDrainTimeout);
            consuming.queueDelete(queue);
        }
        long[] measured = java.util.Arrays.copyOf(samples, Math.min(count.get(), samples.length));
        return new Result(Stats.of(measured), Stats.slowBySecond(publishedAt, measured, measureFrom));
    }

    private static void settle(ConcurrentNavigableMap<Long, Boolean> unconfirmed, Semaphore window, long seq, boolean multiple) {
        if (multiple) {
            Map<Long, Boolean> upTo = unconfirmed.headMap(seq, true);
            int n = upTo.size();
            upTo.clear();
            window.release(n);
        } else if (unconfirmed.remove(seq) != null) {
            window.release();
        }
    }
}
