package io.collector.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The work RabbitMQ does per message, by kind of broker process, in reductions (the Erlang VM's
 * unit of work, counted per process): read with {@code rabbitmqctl eval} at both ends of a measured
 * window. Unlike a rate it hardly moves with the machine's noise, so it shows which part of the
 * broker a client makes work harder (a topic exchange's routing in the publishing channel, a
 * second consumer's channel). Needs {@code rabbitmqctl} on this machine; without it the figures are
 * left out.
 */
final class BrokerWork {

    /** The kinds summed, in print order; every other broker process does next to nothing per message. */
    static final List<String> KINDS = List.of("publishing channels", "consuming channels", "queues", "quorum WAL",
            "connection readers", "connection writers");

    private static final String EXPRESSION = """
            [{K, pid_to_list(P), R} || P <- erlang:processes(),
              K <- [case proc_lib:translate_initial_call(P) of
                      {rabbit_channel, init, 1} ->
                        case catch rabbit_channel:info(P, [consumer_count]) of
                          [{consumer_count, 0}] -> "publishing channels";
                          [{consumer_count, _}] -> "consuming channels";
                          _ -> skip
                        end;
                      {rabbit_reader, init, _} -> "connection readers";
                      {rabbit_writer, enter_mainloop, _} -> "connection writers";
                      _ ->
                        case erlang:process_info(P, registered_name) of
                          {registered_name, ra_log_wal} -> "quorum WAL";
                          {registered_name, N} ->
                            case lists:prefix("%2F_bench-", atom_to_list(N)) of true -> "queues"; false -> skip end;
                          _ -> skip
                        end
                    end],
              K =/= skip, {reductions, R} <- [erlang:process_info(P, reductions)]].
            """;
    private static final Pattern ENTRY = Pattern.compile("\\{\"([^\"]+)\",\\s*\"(<[^\"]+>)\",\\s*(\\d+)}");

    /** Reductions so far of each process (by pid), and its kind. */
    record Snapshot(Map<String, String> kinds, Map<String, Long> reductions) {
    }

    /** Reductions per message by kind over a window; or, when they could not be read, why not. */
    record PerMessage(Map<String, Double> byKind, String unavailable) {
        static PerMessage notMeasured(String why) {
            return new PerMessage(null, why);
        }

        boolean measured() {
            return byKind != null;
        }

        double total() {
            return byKind.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        @Override
        public String toString() {
            if (!measured()) {
                return "not measured (" + unavailable + ")";
            }
            StringBuilder line = new StringBuilder();
            byKind.forEach((kind, value) -> line.append(String.format(Locale.ROOT, "%s %.0f, ", kind, value)));
            return line.append(String.format(Locale.ROOT, "total %.0f", total())).toString();
        }
    }

    private final BenchConfig config;
    private String unavailable;

    BrokerWork(BenchConfig config) {
        this.config = config;
        if (!config.brokerWork) {
            unavailable = "--broker-work=false";
        }
    }

    /** Null when the broker cannot be asked (no {@code rabbitmqctl}, a remote broker): the figures are then left out. */
    Snapshot take() {
        if (unavailable != null) {
            return null;
        }
        try {
            String output = Rabbitmqctl.eval(config, EXPRESSION);
            Map<String, String> kinds = new LinkedHashMap<>();
            Map<String, Long> reductions = new LinkedHashMap<>();
            Matcher entry = ENTRY.matcher(output);
            while (entry.find()) {
                kinds.put(entry.group(2), entry.group(1));
                reductions.put(entry.group(2), Long.parseLong(entry.group(3)));
            }
            return new Snapshot(kinds, reductions);
        } catch (Rabbitmqctl.Unavailable e) {
            unavailable = e.getMessage();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The work per message between two snapshots, over which {@code messages} went through. */
    PerMessage between(Snapshot before, Snapshot after, double messages) {
        if (before == null || after == null || messages <= 0) {
            return PerMessage.notMeasured(unavailable != null ? unavailable : "no messages in the window");
        }
        Map<String, Double> byKind = new LinkedHashMap<>();
        KINDS.forEach(kind -> byKind.put(kind, 0.0));
        after.reductions.forEach((pid, total) -> {
            String kind = after.kinds.get(pid);
            long done = total - before.reductions.getOrDefault(pid, 0L);
            byKind.merge(kind, done / messages, Double::sum);
        });
        return new PerMessage(byKind, null);
    }
}
