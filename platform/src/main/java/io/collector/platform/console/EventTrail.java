package io.collector.platform.console;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the services' own bus tables tell about events: every service's outbox holds what it
 * published (for the outbox retention, a week by default) and its inbox what each of its queues
 * handled and when. Read across the services' schemas, they give a business flow's events in order
 * with who handled each and when, and the event rates, without an event store of their own.
 */
@Component
public class EventTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Flows longer than this are cut: the console shows a flow, not an export. */
    static final int MAX_EVENTS = 500;

    private final JdbcClient jdbc;
    private final ConsoleProperties properties;

    public EventTrail(JdbcClient jdbc, ConsoleProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public record Handling(String queue, Instant handledAt, long afterPublishMs) {
    }

    public record TrailEvent(String eventId, String type, String source, String tenantId, String causationId,
                             Instant publishedAt, long offsetMs, Instant sentAt, String status,
                             List<Handling> handledBy, JsonNode data) {
    }

    /** A flow's events in publishing order; {@code matches} are other flows the key also names. */
    public record Flow(String key, String correlationId, String tenantId, List<TrailEvent> events, long spanMs,
                       List<String> otherCorrelationIds) {
    }

    public record Rate(String type, long published, long handled, double publishedPerMinute, double handledPerMinute) {
    }

    public record Rates(long windowSeconds, List<Rate> types) {
    }

    /**
     * The flow {@code key} names: a correlation id, or failing that any value in an event's data (an
     * order, invoice or delivery number, an id). A number that several tenants use names several
     * flows: the latest is shown and the others listed.
     */
    public Flow flow(String key) {
        List<String> correlationIds = hasCorrelation(key) ? List.of(key) : correlationIdsMentioning(key);
        if (correlationIds.isEmpty()) {
            return new Flow(key, null, null, List.of(), 0, List.of());
        }
        String correlationId = correlationIds.get(0);
        List<Published> published = outboxUnion("o.correlation_id = ?", correlationId).stream()
                .sorted(Comparator.comparing(Published::createdAt).thenComparing(Published::id))
                .limit(MAX_EVENTS).toList();
        Map<String, List<Handled>> handled = handlings(published.stream().map(Published::eventId).toList());
        Instant start = published.get(0).createdAt();
        List<TrailEvent> events = published.stream().map(p -> {
            List<Handling> by = handled.getOrDefault(p.eventId(), List.of()).stream()
                    .map(h -> new Handling(h.queue(), h.at(), Duration.between(p.createdAt(), h.at()).toMillis()))
                    .sorted(Comparator.comparing(Handling::handledAt)).toList();
            JsonNode envelope = JSON.readTree(p.payload());
            return new TrailEvent(p.eventId(), p.type(), p.service(), p.tenantId(), text(envelope, "causationId"),
                    p.createdAt(), Duration.between(start, p.createdAt()).toMillis(), p.sentAt(), p.status(), by,
                    envelope.path("data"));
        }).toList();
        Instant end = events.stream().flatMap(e -> e.handledBy().stream().map(Handling::handledAt))
                .max(Comparator.naturalOrder()).orElse(events.get(events.size() - 1).publishedAt());
        return new Flow(key, correlationId, published.get(0).tenantId(), events, Duration.between(start, end).toMillis(),
                correlationIds.subList(1, correlationIds.size()));
    }

    /** Events published and handled per type in the last {@code window}, across every service. */
    public Rates rates(Duration window) {
        Timestamp since = Timestamp.from(Instant.now().minus(window));
        Map<String, long[]> counts = new TreeMap<>();
        union("select event_type, count(*) from %s.outbox where created_at > ? group by event_type", since)
                .forEach(row -> counts.computeIfAbsent(row.type(), t -> new long[2])[0] += row.count());
        union("select event_type, count(*) from %s.inbox where processed_at > ? group by event_type", since)
                .forEach(row -> counts.computeIfAbsent(row.type(), t -> new long[2])[1] += row.count());
        double minutes = window.toMillis() / 60_000.0;
        return new Rates(window.toSeconds(), counts.entrySet().stream()
                .map(e -> new Rate(e.getKey(), e.getValue()[0], e.getValue()[1],
                        round(e.getValue()[0] / minutes), round(e.getValue()[1] / minutes)))
                .toList());
    }

    // ---- the queries, one per service schema, run as one union

    private record Published(String service, long id, String eventId, String type, String tenantId, String correlationId,
                             Instant createdAt, Instant sentAt, String status, byte[] payload) {
    }

    private record Handled(String queue, Instant at) {
    }

    private record Count(String type, long count) {
    }

    private boolean hasCorrelation(String key) {
        return !outboxUnion("o.correlation_id = ?", key, 1).isEmpty();
    }

    /** Newest first; data values only, so a tenant or a type name never matches. */
    private List<String> correlationIdsMentioning(String key) {
        String condition = "o.correlation_id is not null and jsonb_path_exists(convert_from(o.payload, 'UTF8')::jsonb,"
                + " '$.data.** ? (@ == $key)', jsonb_build_object('key', ?::text))";
        return outboxUnion(condition, key, MAX_EVENTS).stream()
                .sorted(Comparator.comparing(Published::createdAt).reversed())
                .map(Published::correlationId).distinct().toList();
    }

    private List<Published> outboxUnion(String condition, String parameter) {
        return outboxUnion(condition, parameter, MAX_EVENTS);
    }

    private List<Published> outboxUnion(String condition, String parameter, int limit) {
        Map<String, String> schemas = schemasWithBusTables();
        if (schemas.isEmpty()) {
            return List.of();
        }
        List<String> names = List.copyOf(schemas.keySet());
        List<String> selects = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            selects.add("(select " + i + " as service, o.id, o.event_id::text, o.event_type, o.tenant_id, o.correlation_id,"
                    + " o.created_at, o.sent_at, o.status, o.payload from " + schemas.get(names.get(i)) + ".outbox o where " + condition
                    + " order by o.id limit " + limit + ")");
            parameters.add(parameter);
        }
        return jdbc.sql(String.join(" union all ", selects)).params(parameters)
                .query((rs, n) -> new Published(names.get(rs.getInt(1)), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8), rs.getString(9), rs.getBytes(10)))
                .list();
    }

    private Map<String, List<Handled>> handlings(List<String> eventIds) {
        Collection<String> schemas = schemasWithBusTables().values();
        if (eventIds.isEmpty() || schemas.isEmpty()) {
            return Map.of();
        }
        String[] keys = eventIds.toArray(String[]::new);
        String sql = schemas.stream()
                .map(schema -> "select event_key, consumer, processed_at from " + schema + ".inbox where event_key = any(?)")
                .collect(Collectors.joining(" union all "));
        List<Object> parameters = schemas.stream().<Object>map(schema -> keys).toList();
        Map<String, List<Handled>> byEvent = new LinkedHashMap<>();
        jdbc.sql(sql).params(parameters).query((rs, n) -> {
            byEvent.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Handled(rs.getString(2), instant(rs, 3)));
            return null;
        }).list();
        return byEvent;
    }

    private List<Count> union(String perSchema, Timestamp since) {
        Collection<String> schemas = schemasWithBusTables().values();
        if (schemas.isEmpty()) {
            return List.of();
        }
        String sql = schemas.stream().map(perSchema::formatted).collect(Collectors.joining(" union all "));
        List<Object> parameters = schemas.stream().<Object>map(schema -> since).toList();
        return jdbc.sql(sql).params(parameters).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
    }

    /** Service → schema, for the services whose bus tables exist: one never started yet has none to read. */
    private Map<String, String> schemasWithBusTables() {
        Map<String, String> configured = new LinkedHashMap<>();
        properties.getServices().forEach((name, service) -> configured.put(name, service.getSchema()));
        if (configured.isEmpty()) {
            return configured;
        }
        List<String> present = jdbc.sql("select table_schema from information_schema.tables"
                        + " where table_name = 'outbox' and table_schema = any(?)")
                .param(configured.values().toArray(String[]::new)).query(String.class).list();
        configured.values().retainAll(present);
        return configured;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
