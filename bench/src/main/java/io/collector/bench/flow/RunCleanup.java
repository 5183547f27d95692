package io.collector.bench.flow;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventType;
import io.collector.platform.CollectorPlatform;

import java.io.IOException;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Removes what a run made on the shared broker and database — every queue (main, retry, dead
 * letter), the exchange and the ten schemas — with its own connections, after the platform has
 * stopped; then looks again and says what is left. It runs once: at the end of the run, or from
 * the shutdown hook when the run is killed (Ctrl-C, SIGTERM). If the platform never came up, it
 * deletes every queue name the run could have declared. Queues also carry {@code x-expires}, so
 * even a {@code kill -9} leaves them for ten minutes at most.
 */
final class RunCleanup {

    /** Retry queues tried when the real bindings are unknown (the bus's default is 3). */
    private static final int MAX_RETRY_QUEUES_GUESSED = 6;

    private final FlowConfig config;
    private final Set<String> queues = new LinkedHashSet<>();
    private final AtomicBoolean done = new AtomicBoolean();
    private final CountDownLatch startSettled = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile CollectorPlatform platform;
    private volatile boolean queuesKnown;

    RunCleanup(FlowConfig config) {
        this.config = config;
    }

    /** The platform to stop first, and the queues its services declared (from their handler registries). */
    void track(CollectorPlatform platform, List<String> declaredQueues) {
        this.platform = platform;
        queues.addAll(declaredQueues);
        queuesKnown = true;
    }

    /** The platform's start has returned or failed: from now on no service declares another queue. */
    void startSettled() {
        startSettled.countDown();
    }

    /**
     * From the shutdown hook: lets a start in progress end first (Spring's own hook makes it fail
     * quickly), so that no service declares its queues after they were deleted.
     */
    Result runFromHook() {
        try {
            startSettled.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return run();
    }

    int queueCount() {
        return queues.size();
    }

    /** Stops the platform and removes the run's queues, exchange and schemas; at most once (a second caller waits for the first). */
    Result run() {
        if (!done.compareAndSet(false, true)) {
            // The other caller (main thread or shutdown hook) is at it: wait, for the JVM halts once the hooks are done.
            try {
                finished.await(180, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
        try {
            return removeAll();
        } finally {
            finished.countDown();
        }
    }

    private Result removeAll() {
        CollectorPlatform running = platform;
        if (running != null) {
            try {
                running.close();
            } catch (RuntimeException e) {
                System.out.println("WARNING: stopping the platform: " + e);
            }
        }
        List<String> problems = new ArrayList<>();
        Set<String> names = queuesKnown ? queues : everyPossibleQueue();
        int queuesLeft = -1;
        try {
            queuesLeft = removeQueuesAndExchange(names);
        } catch (IOException | TimeoutException | RuntimeException e) {
            problems.add("broker: " + e);
        }
        int schemasLeft = -1;
        try {
            schemasLeft = dropSchemas();
        } catch (SQLException | RuntimeException e) {
            problems.add("database: " + e);
        }
        Result result = new Result(names.size(), queuesLeft, schemasLeft, problems);
        System.out.println(result);
        return result;
    }

    record Result(int queues, int queuesLeft, int schemasLeft, List<String> problems) {
        boolean clean() {
            return queuesLeft == 0 && schemasLeft == 0 && problems.isEmpty();
        }

        @Override
        public String toString() {
            return "Cleanup: " + queues + " queues, the exchange and " + CollectorPlatform.serviceNames().size()
                    + " schemas removed; left behind: " + queuesLeft + " queues, " + schemasLeft + " schemas"
                    + (problems.isEmpty() ? "" : "; PROBLEMS: " + problems);
        }
    }

    private Set<String> everyPossibleQueue() {
        Set<String> names = new LinkedHashSet<>();
        for (String service : CollectorPlatform.serviceNames()) {
            for (EventType type : EventType.values()) {
                String queue = QueueNames.queue(config.busService(service), type.wireName());
                names.add(queue);
                names.add(QueueNames.deadLetter(queue));
                for (int n = 1; n <= MAX_RETRY_QUEUES_GUESSED; n++) {
                    names.add(QueueNames.retry(queue, n));
                }
            }
        }
        return names;
    }

    /** Deletes the queues and the exchange, then counts the queues still there. */
    private int removeQueuesAndExchange(Set<String> names) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(config.rabbitmqUrl);
        } catch (Exception e) {
            throw new IllegalArgumentException("RabbitMQ URL " + config.rabbitmqUrl + ": " + e.getMessage(), e);
        }
        factory.setConnectionTimeout(10_000);
        try (Connection connection = factory.newConnection("collector-flow-bench-cleanup-" + config.run)) {
            Channel channel = connection.createChannel();
            for (String queue : names) {
                try {
                    channel.queueDelete(queue); // RabbitMQ answers delete-ok for a queue that is not there
                } catch (IOException e) {
                    channel = connection.createChannel();
                }
            }
            channel.exchangeDelete(config.exchange());
            if (!queuesKnown) {
                return 0; // every name the run could have used, most never declared: looking again would take long
            }
            int left = 0;
            for (String queue : names) {
                try {
                    channel.queueDeclarePassive(queue);
                    left++;
                    System.out.println("WARNING: queue still there after the cleanup: " + queue);
                } catch (IOException notFound) {
                    channel = connection.createChannel(); // a failed passive declare closes the channel
                }
            }
            if (channel.isOpen()) {
                channel.close();
            }
            return left;
        }
    }

    /** Drops the ten schemas of the run, then counts those still there. */
    private int dropSchemas() throws SQLException {
        try (java.sql.Connection connection = DriverManager.getConnection(config.databaseUrl, config.databaseUser, config.databasePassword);
             Statement statement = connection.createStatement()) {
            for (String service : CollectorPlatform.serviceNames()) {
                statement.execute("drop schema if exists " + config.schema(service) + " cascade");
            }
            try (ResultSet left = statement.executeQuery("select count(*) from information_schema.schemata where schema_name like '%\\_fb"
                    + config.run + "'")) {
                left.next();
                return left.getInt(1);
            }
        }
    }
}
