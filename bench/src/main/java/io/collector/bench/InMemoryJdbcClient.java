package io.collector.bench;

import io.collector.eventbus.outbox.OutboxRow;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;

/**
 * A {@link JdbcClient} that answers the bus's own outbox and inbox statements from memory, so the
 * unchanged {@code OutboxStore}, {@code OutboxWriter}, {@code OutboxRelay}, {@code InboxStore} and
 * {@code EventDispatcher} run without a database. The outbox is a bounded queue: a producer that
 * runs ahead of the relay blocks, as it would wait on a full disk. Any statement it does not know
 * fails loudly, so a change in the library's SQL shows up here instead of skewing the figures.
 */
final class InMemoryJdbcClient {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final BlockingQueue<OutboxRow> pending;
    /** The library builds its SQL strings per call: normalize each distinct one once. */
    private final Map<String, String> normalizedSql = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    final AtomicLong inserted = new AtomicLong();
    final AtomicLong markedSent = new AtomicLong();
    final AtomicLong markedFailed = new AtomicLong();
    final AtomicLong inboxRecords = new AtomicLong();

    /** Told each row's event id and the nanoTime the relay locked it. */
    private final ObjLongConsumer<UUID> onLocked;

    InMemoryJdbcClient(int capacity, ObjLongConsumer<UUID> onLocked) {
        this.pending = new ArrayBlockingQueue<>(capacity);
        this.onLocked = onLocked;
    }

    JdbcClient client() {
        return (JdbcClient) Proxy.newProxyInstance(JdbcClient.class.getClassLoader(), new Class<?>[]{JdbcClient.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "sql" -> statement((String) args[0]);
                    case "toString" -> "InMemoryJdbcClient";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.toString());
                });
    }

    long pendingCount() {
        return pending.size();
    }

    private JdbcClient.StatementSpec statement(String sql) {
        List<Object> params = new ArrayList<>();
        String normalized = normalizedSql.computeIfAbsent(sql, q -> WHITESPACE.matcher(q.toLowerCase()).replaceAll(" "));
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "param" -> params.add(args[args.length == 1 ? 0 : 1]);
                    case "params" -> {
                        if (args[0] instanceof Object[] array) {
                            params.addAll(Arrays.asList(array));
                        } else if (args[0] instanceof List<?> list) {
                            params.addAll(list);
                        } else if (args[0] instanceof Map<?, ?> map) {
                            params.addAll(map.values());
                        }
                    }
                    case "withFetchSize", "withMaxRows", "withQueryTimeout", "paramSource" -> {
                    }
                    case "update" -> {
                        return update(normalized, params);
                    }
                    case "query" -> {
                        return results(query(normalized, params));
                    }
                    case "toString" -> {
                        return "statement " + sql;
                    }
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    case "equals" -> {
                        return proxy == args[0];
                    }
                    default -> throw new UnsupportedOperationException(method + " for " + sql);
                }
                return proxy;
            }
        };
        return (JdbcClient.StatementSpec) Proxy.newProxyInstance(JdbcClient.class.getClassLoader(),
                new Class<?>[]{JdbcClient.StatementSpec.class}, handler);
    }

    private int update(String sql, List<Object> p) throws InterruptedException {
        if (sql.startsWith("insert into") && sql.contains(".outbox ")) {
            // OutboxStore.insertAll: one array per column (event ids, types, tenants, correlations, traceparents, payloads).
            String[] eventIds = (String[]) p.get(0);
            for (int i = 0; i < eventIds.length; i++) {
                pending.put(new OutboxRow(ids.incrementAndGet(), UUID.fromString(eventIds[i]), ((String[]) p.get(1))[i],
                        ((String[]) p.get(2))[i], ((String[]) p.get(3))[i], ((String[]) p.get(4))[i], ((byte[][]) p.get(5))[i],
                        Instant.now(), 0));
                inserted.incrementAndGet();
            }
            return eventIds.length;
        }
        if (sql.startsWith("insert into") && sql.contains(".inbox ")) {
            inboxRecords.incrementAndGet();
            return 1;
        }
        if (sql.startsWith("update") && sql.contains("status = 'sent'")) {
            int n = ((Object[]) p.get(0)).length;
            markedSent.addAndGet(n);
            return n;
        }
        if (sql.startsWith("update") && sql.contains("last_error = ?")) {
            markedFailed.incrementAndGet();
            return 1;
        }
        if (sql.startsWith("delete from")) {
            return 0;
        }
        throw new UnsupportedOperationException("no in-memory answer for: " + sql);
    }

    private List<?> query(String sql, List<Object> p) {
        if (sql.startsWith("insert into") && sql.contains(".inbox ") && sql.contains("returning event_key")) {
            // The dispatcher's batch of inbox rows (consumer, keys[], types[]): every key is new here.
            String[] keys = (String[]) p.get(1);
            inboxRecords.addAndGet(keys.length);
            return Arrays.asList(keys);
        }
        if (sql.startsWith("select") && sql.contains("for update skip locked")) {
            int limit = ((Number) p.get(0)).intValue();
            List<OutboxRow> rows = new ArrayList<>(Math.min(limit, pending.size()));
            pending.drainTo(rows, limit);
            long now = System.nanoTime();
            rows.forEach(row -> onLocked.accept(row.eventId(), now));
            return rows;
        }
        if (sql.startsWith("select count(*)") && sql.contains(".outbox ")) {
            return List.of((long) pending.size());
        }
        if (sql.startsWith("select min(created_at)")) {
            return List.of();
        }
        throw new UnsupportedOperationException("no in-memory answer for: " + sql);
    }

    private static Object results(List<?> rows) {
        return Proxy.newProxyInstance(JdbcClient.class.getClassLoader(), new Class<?>[]{JdbcClient.MappedQuerySpec.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "list" -> rows;
                    case "stream" -> rows.stream();
                    case "set" -> new LinkedHashSet<>(rows);
                    case "single" -> rows.get(0);
                    case "optional" -> Optional.ofNullable(rows.isEmpty() ? null : rows.get(0));
                    case "toString" -> "results " + rows.size();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.toString());
                });
    }
}
