package io.collector.eventbus.inbound;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The connection a service's {@link QueueConsumer}s share, apart from the one that declares the
 * topology, sends retry and DLQ copies and serves the admin API. Its consumer callbacks run on the
 * connection's own reader thread instead of the RabbitMQ client's dispatch pool: a queue consumer's
 * callback only puts the delivery on its subscription's queue, and the hop through the pool cost
 * about 4 µs of CPU per message in the bus benchmark (bench/README.md). Nothing else may consume on
 * this connection: a callback that waited for the broker would stall every consumer on it.
 */
public final class ConsumerConnection {

    private ConsumerConnection() {
    }

    /** A connection factory on the given client settings whose consumer callbacks run where the delivery is read. */
    public static CachingConnectionFactory on(com.rabbitmq.client.ConnectionFactory client, String connectionName) {
        CachingConnectionFactory factory = new CachingConnectionFactory(client);
        factory.setExecutor(new OnReaderThread());
        factory.setConnectionNameStrategy(ignored -> connectionName);
        return factory;
    }

    /** Runs each callback at once on the thread that hands it over: the connection's reader thread. */
    private static final class OnReaderThread extends AbstractExecutorService {

        private volatile boolean shutdown;

        @Override
        public void execute(Runnable callback) {
            callback.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
