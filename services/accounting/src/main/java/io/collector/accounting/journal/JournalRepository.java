package io.collector.accounting.journal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Journal entries and their lines (append-only). */
@Repository
class JournalRepository {

    private static final String ENTRY_COLUMNS = """
            select id, tenant_id, entry_number, posted_at, occurred_at, description,
                   source_event_id, source_event_type, source_reference, source_document
            from journal_entries
            """;

    private final JdbcClient jdbc;

    JournalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of the entry already posted for this business key, if any. */
    Optional<String> numberOfEntryFor(String tenantId, String eventType, String reference) {
        return jdbc.sql("""
                        select entry_number from journal_entries
                        where tenant_id = :tenant and source_event_type = :type and source_reference = :reference""")
                .param("tenant", tenantId)
                .param("type", eventType)
                .param("reference", reference)
                .query(String.class)
                .optional();
    }

    /**
     * Stores a posted entry with its lines and has the database check it balances right away. False,
     * storing nothing, if an entry for the same business key exists already (a concurrent copy won).
     */
    boolean insert(JournalEntry entry) {
        EventSource source = entry.source();
        int inserted = jdbc.sql("""
                        insert into journal_entries (id, tenant_id, entry_number, posted_at, occurred_at, description,
                                                     source_event_id, source_event_type, source_reference, source_document)
                        values (:id, :tenant, :number, :postedAt, :occurredAt, :description,
                                :eventId, :eventType, :reference, :document)
                        on conflict (tenant_id, source_event_type, source_reference) do nothing""")
                .param("id", entry.id())
                .param("tenant", entry.tenantId())
                .param("number", entry.entryNumber())
                .param("postedAt", Timestamp.from(entry.postedAt()))
                .param("occurredAt", Timestamp.from(entry.occurredAt()))
                .param("description", entry.description())
                .param("eventId", source.eventId())
                .param("eventType", source.eventType())
                .param("reference", source.reference())
                .param("document", source.document())
                .update();
        if (inserted == 0) {
            return false;
        }
        // All lines in one statement; then the deferred balance triggers fire now, inside this event's savepoint.
        StringBuilder sql = new StringBuilder(
                "insert into journal_lines (tenant_id, entry_id, line_no, account_code, debit, credit, currency) values ");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", entry.tenantId());
        params.put("entry", entry.id());
        List<JournalLine> lines = entry.lines();
        for (int i = 0; i < lines.size(); i++) {
            JournalLine line = lines.get(i);
            sql.append(i == 0 ? "" : ", ").append("(:tenant, :entry, :no%1$d, :account%1$d, :debit%1$d, :credit%1$d, :currency%1$d)"
                    .formatted(i));
            params.put("no" + i, i + 1);
            params.put("account" + i, line.accountCode());
            params.put("debit" + i, line.debit());
            params.put("credit" + i, line.credit());
            params.put("currency" + i, line.currency());
        }
        jdbc.sql(sql.toString()).params(params).update();
        jdbc.sql("set constraints journal_entries_balanced, journal_lines_balanced immediate").update();
        jdbc.sql("set constraints journal_entries_balanced, journal_lines_balanced deferred").update();
        return true;
    }

    Optional<JournalEntry> find(String tenantId, UUID id) {
        List<Row> rows = jdbc.sql(ENTRY_COLUMNS + "where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId)
                .param("id", id)
                .query(JournalRepository::row)
                .list();
        return withLines(tenantId, rows).stream().findFirst();
    }

    List<JournalEntry> list(String tenantId, JournalQuery query) {
        StringBuilder where = new StringBuilder("where tenant_id = :tenant");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenantId);
        if (query.sourceReference() != null) {
            where.append(" and (source_reference = :reference or source_document = :reference)");
            params.put("reference", query.sourceReference());
        }
        if (query.from() != null) {
            where.append(" and posted_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.until() != null) {
            where.append(" and posted_at < :until");
            params.put("until", Timestamp.from(query.until()));
        }
        params.put("limit", query.limit());
        List<Row> rows = jdbc.sql(ENTRY_COLUMNS + where + " order by posted_at desc, entry_number desc limit :limit")
                .params(params)
                .query(JournalRepository::row)
                .list();
        return withLines(tenantId, rows);
    }

    private List<JournalEntry> withLines(String tenantId, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<JournalLine>> lines = jdbc.sql("""
                        select entry_id, account_code, debit, credit, currency from journal_lines
                        where tenant_id = :tenant and entry_id in (:ids)
                        order by entry_id, line_no""")
                .param("tenant", tenantId)
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> Map.entry(rs.getObject("entry_id", UUID.class), new JournalLine(
                        rs.getString("account_code"), rs.getBigDecimal("debit"), rs.getBigDecimal("credit"),
                        rs.getString("currency"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<JournalEntry> entries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            entries.add(JournalEntry.restore(row.id, row.tenantId, row.entryNumber, row.postedAt.toInstant(),
                    row.occurredAt.toInstant(), row.description, row.source, lines.getOrDefault(row.id, List.of())));
        }
        return entries;
    }

    private record Row(UUID id, String tenantId, String entryNumber, Timestamp postedAt, Timestamp occurredAt,
                       String description, EventSource source) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("entry_number"),
                rs.getTimestamp("posted_at"), rs.getTimestamp("occurred_at"), rs.getString("description"),
                new EventSource(rs.getString("source_event_id"), rs.getString("source_event_type"),
                        rs.getString("source_reference"), rs.getString("source_document")));
    }
}
