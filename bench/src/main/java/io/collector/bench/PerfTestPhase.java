package io.collector.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.perf.PerfTest;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RabbitMQ PerfTest in this JVM ({@code PerfTest.main(args, options)}, which reports its end
 * through a {@code SystemExiter} instead of exiting), on a durable quorum queue of its own that is
 * deleted afterwards. Its console is copied to ours and parsed.
 */
final class PerfTestPhase {

    private static final Pattern SAMPLE = Pattern.compile("time ([0-9.]+) s, sent: (\\d+) msg/s.*received: (\\d+) msg/s");
    private static final Pattern SENDING_AVG = Pattern.compile("sending rate avg: (\\d+) msg/s");
    private static final Pattern RECEIVING_AVG = Pattern.compile("receiving rate avg: (\\d+) msg/s");
    private static final Pattern SAMPLE_LATENCY = Pattern.compile(
            "time ([0-9.]+) s, .*received: (\\d+) msg/s, min/median/75th/95th/99th consumer latency: (\\d+)/(\\d+)/(\\d+)/(\\d+)/(\\d+) µs,"
                    + " confirm latency: (\\d+)/(\\d+)/(\\d+)/(\\d+)/(\\d+) µs");

    private static final Pattern TROUBLE = Pattern.compile("(?i)connection driver error|connection reset|recover|shutdown signal");

    /** @param interruptions console lines that tell of a lost or recovering connection (another user of the broker closed it?) */
    record Result(List<String> args, double sendingAvg, double receivingAvg, double steadyReceiving, int samples, int interruptions,
                  CpuSnapshot.Usage cpu, BrokerWork.PerMessage work) {
        /** The baseline: PerfTest's receiving rate over the seconds after the warm-up, as the bus is measured. */
        double rate() {
            return steadyReceiving;
        }

        Result withWork(BrokerWork.PerMessage measured) {
            return new Result(args, sendingAvg, receivingAvg, steadyReceiving, samples, interruptions, cpu, measured);
        }
    }

    private PerfTestPhase() {
    }

    static Result run(BenchConfig config, int messageSize) throws Exception {
        List<String> args = arguments(config, messageSize, config.warmup + config.perfTestSeconds, "perftest");
        // CPU over the measured window: from the end of the warm-up to PerfTest's end; the broker's
        // work per message over the same window, read a few seconds before PerfTest stops.
        AtomicReference<CpuSnapshot> windowOpen = new AtomicReference<>();
        BrokerWork work = new BrokerWork(config);
        AtomicReference<BrokerWork.Snapshot> workOpen = new AtomicReference<>();
        AtomicReference<BrokerWork.Snapshot> workClose = new AtomicReference<>();
        long[] workNanos = new long[2];
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.schedule(() -> {
            windowOpen.set(CpuSnapshot.now());
            workOpen.set(work.take());
            workNanos[0] = System.nanoTime();
        }, config.warmup, TimeUnit.SECONDS);
        timer.schedule(() -> {
            workClose.set(work.take());
            workNanos[1] = System.nanoTime();
        }, config.warmup + Math.max(2, config.perfTestSeconds - 3), TimeUnit.SECONDS);
        String output;
        try {
            output = execute(config, args);
        } finally {
            timer.shutdownNow();
        }
        CpuSnapshot.Usage cpu = windowOpen.get() == null ? null : CpuSnapshot.now().since(windowOpen.get());
        Result result = parse(args, output, config.warmup, cpu);
        double messages = result.rate() * (workNanos[1] - workNanos[0]) / 1e9;
        return result.withWork(work.between(workOpen.get(), workClose.get(), messages));
    }

    /**
     * PerfTest's own publish → consume latency (timestamps in the body) over its one-second samples
     * after a warm-up, in ms. PerfTest prints percentiles per second, not over a part of its run, so
     * the run's are estimated from the seconds' (see {@link LatencyMix}).
     */
    record LatencyReference(List<String> args, double achievedRate, double p50, double p99, double maxSecondP99,
                            double confirmP50, double confirmP99, int seconds) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "publish → consume p50 %.1f ms, p99 %.1f ms (worst second's p99 %.1f ms);"
                            + " publish → confirm p50 %.1f ms, p99 %.1f ms; at %.0f msg/s, over %d one-second samples",
                    p50, p99, maxSecondP99, confirmP50, confirmP99, achievedRate, seconds);
        }
    }

    /**
     * PerfTest with the same settings, its publishing held to {@code rate} msg/s for the latency run's
     * length: what latency the broker alone gives at that load, the floor under the bus's.
     */
    static LatencyReference latencyAt(BenchConfig config, int messageSize, double rate) throws Exception {
        List<String> args = arguments(config, messageSize, BenchConfig.latencyRunSeconds(config.latencySeconds), "perftest-latency");
        args.add("--rate");
        args.add(Long.toString(Math.round(rate)));
        return parseLatency(args, execute(config, args));
    }

    static LatencyReference parseLatency(List<String> args, String output) {
        LatencyMix consume = new LatencyMix();
        LatencyMix confirm = new LatencyMix();
        double received = 0;
        double worstP99 = 0;
        for (String line : output.split("\\R")) {
            Matcher m = SAMPLE_LATENCY.matcher(line);
            if (m.find() && Double.parseDouble(m.group(1)) > BenchConfig.LATENCY_WARMUP_SECONDS + 0.5) {
                double count = Double.parseDouble(m.group(2));
                double[] consumeQuantiles = millis(m, 3);
                consume.add(count, consumeQuantiles);
                confirm.add(count, millis(m, 8));
                received += count;
                worstP99 = Math.max(worstP99, consumeQuantiles[4]);
            }
        }
        if (consume.seconds() == 0) {
            throw new IllegalStateException("no PerfTest latency samples after the warm-up in its output");
        }
        return new LatencyReference(args, received / consume.seconds(), consume.quantile(0.50), consume.quantile(0.99), worstP99,
                confirm.quantile(0.50), confirm.quantile(0.99), consume.seconds());
    }

    /** Five µs figures from {@code first} on, in ms. */
    private static double[] millis(Matcher m, int first) {
        double[] ms = new double[5];
        for (int i = 0; i < 5; i++) {
            ms[i] = Long.parseLong(m.group(first + i)) / 1e3;
        }
        return ms;
    }

    private static List<String> arguments(BenchConfig config, int messageSize, int seconds, String id) {
        List<String> args = new ArrayList<>(List.of(
                "--uri", config.rabbitmqUrl,
                "--producers", "1",
                "--consumers", "1",
                "--size", Integer.toString(messageSize),
                "--flag", "persistent",
                "--confirm", Integer.toString(config.confirmWindow),
                "--qos", Integer.toString(config.prefetch),
                "--queue", config.perfTestQueue(),
                "--auto-delete", "false",
                "--queue-args", "x-queue-type=quorum,x-expires=" + BenchConfig.QUEUE_EXPIRES_MINUTES * 60_000,
                "--time", Integer.toString(seconds),
                "--id", id));
        if (config.perfTestMultiAck) {
            // The bus acks a whole consumer batch with one basic.ack(multiple=true): same for PerfTest.
            args.add("--multi-ack-every");
            args.add(Integer.toString(config.consumerBatchSize));
        }
        if (config.perfTestTopic) {
            // The bus publishes to the spec's topic exchange with the event type as routing key: the
            // broker's topic routing costs its publishing channel about 290 reductions a message more
            // than PerfTest's default direct exchange (bench/README.md). Same routing for both.
            args.addAll(List.of("--exchange", config.perfTestExchange(), "--type", "topic", "--routing-key", "order.created"));
        }
        if (config.perfTestBusHeaders) {
            // The same AMQP properties and headers the relay puts on every event (DESIGN.md §3), about 250
            // bytes the broker stores and delivers with each message: the same message, not only the same body.
            args.add("--message-properties");
            args.add(String.join(",", "contentType=application/json", "contentEncoding=UTF-8",
                    "messageId=3f2b8c1e-7d4a-4e5b-9c6d-1a2b3c4d5e6f", "correlationId=3d9c8a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6",
                    "type=order.created", "appId=" + config.service() + "-service", "timestamp=2024-01-15T10:30:00Z",
                    "x-tenant-id=" + BusPhases.TENANT, "x-source=" + config.service() + "-service",
                    "traceparent=00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        }
        return args;
    }

    /** Runs PerfTest in this JVM, its console copied to ours; returns that console. Its queue is deleted afterwards. */
    private static String execute(BenchConfig config, List<String> args) throws Exception {
        System.out.println("PerfTest " + String.join(" ", args));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(new Tee(System.out, captured), true, StandardCharsets.UTF_8);
        int[] exit = {-1};
        try {
            PerfTest.main(args.toArray(String[]::new), new PerfTest.PerfTestOptions()
                    .setSystemExiter(status -> exit[0] = status)
                    .setConsoleOut(console)
                    .setConsoleErr(console)
                    .setArgumentLookup(name -> null));
        } finally {
            deleteQueue(config);
        }
        if (exit[0] != 0) {
            throw new IllegalStateException("PerfTest ended with status " + exit[0]);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    static Result parse(List<String> args, String output, int warmupSeconds, CpuSnapshot.Usage cpu) {
        double sending = find(SENDING_AVG, output);
        double receiving = find(RECEIVING_AVG, output);
        double sum = 0;
        int n = 0;
        int trouble = 0;
        for (String line : output.split("\\R")) {
            if (TROUBLE.matcher(line).find()) {
                trouble++;
            }
            Matcher m = SAMPLE.matcher(line);
            if (m.find() && Double.parseDouble(m.group(1)) > warmupSeconds + 0.5) {
                sum += Double.parseDouble(m.group(3));
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalStateException("no PerfTest samples after the warm-up in its output");
        }
        return new Result(args, sending, receiving, sum / n, n, trouble, cpu, null);
    }

    private static double find(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("PerfTest printed no '" + pattern.pattern() + "'");
        }
        return Double.parseDouble(m.group(1));
    }

    private static void deleteQueue(BenchConfig config) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(config.rabbitmqUrl);
        try (Connection connection = factory.newConnection("collector-bench-cleanup");
             Channel channel = connection.createChannel()) {
            channel.queueDelete(config.perfTestQueue());
            channel.exchangeDelete(config.perfTestExchange());
        }
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final ByteArrayOutputStream b;

        Tee(OutputStream a, ByteArrayOutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) {
            try {
                a.write(c);
            } catch (java.io.IOException ignored) {
                // the console copy is best effort
            }
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) {
            try {
                a.write(buf, off, len);
            } catch (java.io.IOException ignored) {
                // the console copy is best effort
            }
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
        }
    }
}
