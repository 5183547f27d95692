package io.collector.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Notes when RabbitMQ's quorum write-ahead log starts a new file. On that rollover the broker
 * stalls every quorum queue for a few hundred milliseconds (bench/README.md, session of 11:50Z),
 * which decides a p99; two latency figures compare when their windows held as many rollovers, or
 * by their slow events per rollover (the report gives both). Watches the broker's data directory,
 * found once with {@code rabbitmqctl eval}, by listing it every 50 ms; a remote or unreadable broker
 * is not watched.
 */
final class WalWatch implements AutoCloseable {

    private static final long POLL_MILLIS = 50;

    private record Rollover(long nanos, String from, String to) {
    }

    private final Path quorumDirectory;
    private final String unavailable;
    private final List<Rollover> rollovers = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    private WalWatch(Path quorumDirectory, String unavailable) {
        this.quorumDirectory = quorumDirectory;
        this.unavailable = unavailable;
        this.poller = quorumDirectory == null ? null : new Thread(this::poll, "bench-wal-watch");
        if (poller != null) {
            poller.setDaemon(true);
            poller.start();
        }
    }

    static WalWatch start(BenchConfig config) {
        try {
            String output = Rabbitmqctl.eval(config, "rabbit_mnesia:dir().");
            if (!output.startsWith("\"")) {
                return new WalWatch(null, "unexpected answer for the data directory: " + output.lines().findFirst().orElse(""));
            }
            Path quorum = Path.of(output.substring(1, output.lastIndexOf('"'))).resolve("quorum");
            if (latestWal(quorum) == null) {
                return new WalWatch(null, "no readable quorum WAL under " + quorum);
            }
            return new WalWatch(quorum, null);
        } catch (Rabbitmqctl.Unavailable e) {
            return new WalWatch(null, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WalWatch(null, "interrupted");
        }
    }

    /** Where a latency run's measured window starts when it begins now: after its unmeasured warm-up. */
    static long afterLatencyWarmUp() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(BenchConfig.LATENCY_WARMUP_SECONDS);
    }

    /** What the WAL did in one latency run's window. */
    record Window(boolean watched, int rollovers, String description) {
        static final Window NOT_RUN = new Window(false, 0, "not run");
    }

    /** The windows of the three latency runs compared in the report. */
    static final class Windows {
        Window perfTest = Window.NOT_RUN;
        Window rawClient = Window.NOT_RUN;
        Window bus = Window.NOT_RUN;
    }

    Window window(long fromNanos, long toNanos) {
        return new Window(unavailable == null, rollovers(fromNanos, toNanos), describe(fromNanos, toNanos));
    }

    /** What happened to the WAL between two {@code System.nanoTime()} readings, for a report line. */
    String describe(long fromNanos, long toNanos) {
        if (unavailable != null) {
            return "quorum WAL not watched (" + unavailable + ")";
        }
        StringBuilder line = new StringBuilder();
        for (Rollover rollover : rollovers) {
            if (rollover.nanos >= fromNanos && rollover.nanos <= toNanos) {
                line.append(line.isEmpty() ? "the broker's quorum WAL rolled over in the measured window, at " : ", ")
                        .append(String.format(Locale.ROOT, "+%.1f s (%s → %s)", (rollover.nanos - fromNanos) / 1e9,
                                rollover.from, rollover.to));
            }
        }
        return line.isEmpty() ? "no quorum WAL rollover in the measured window" : line.toString();
    }

    /** How often the WAL rolled over between the two readings. */
    int rollovers(long fromNanos, long toNanos) {
        return (int) rollovers.stream().filter(r -> r.nanos >= fromNanos && r.nanos <= toNanos).count();
    }

    private void poll() {
        String current = latestWal(quorumDirectory);
        while (running) {
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            String latest = latestWal(quorumDirectory);
            if (latest != null && !latest.equals(current)) {
                rollovers.add(new Rollover(System.nanoTime(), current, latest));
                current = latest;
            }
        }
    }

    /** The newest {@code *.wal} file (they are numbered) in the node's quorum directories; null if none can be read. */
    private static String latestWal(Path quorum) {
        String latest = null;
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(quorum)) {
            for (Path node : nodes) {
                if (!Files.isDirectory(node)) {
                    continue;
                }
                try (DirectoryStream<Path> wals = Files.newDirectoryStream(node, "*.wal")) {
                    for (Path wal : wals) {
                        String name = wal.getFileName().toString();
                        if (latest == null || name.compareTo(latest) > 0) {
                            latest = name;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return latest;
    }

    @Override
    public void close() {
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
    }
}
