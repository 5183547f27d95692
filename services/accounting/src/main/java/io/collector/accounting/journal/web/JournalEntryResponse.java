package io.collector.accounting.journal.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.collector.accounting.journal.JournalEntry;
import io.collector.accounting.journal.JournalLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A journal entry as the API shows it. Amounts are decimal strings ({@code "1500.00"}) as on the wire;
 * a line's other side is {@code "0.00"}.
 */
record JournalEntryResponse(
        UUID id,
        String entryNumber,
        Instant postedAt,
        Instant occurredAt,
        String description,
        String sourceEventId,
        String sourceEventType,
        String sourceReference,
        String sourceDocument,
        List<Line> lines) {

    record Line(
            String accountCode,
            String accountName,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal debit,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal credit,
            String currency) {
    }

    static JournalEntryResponse of(JournalEntry entry, Map<String, String> accountNames) {
        List<Line> lines = entry.lines().stream().map(line -> line(line, accountNames)).toList();
        return new JournalEntryResponse(entry.id(), entry.entryNumber(), entry.postedAt(), entry.occurredAt(),
                entry.description(), entry.source().eventId(), entry.source().eventType(), entry.source().reference(),
                entry.source().document(), lines);
    }

    private static Line line(JournalLine line, Map<String, String> accountNames) {
        return new Line(line.accountCode(), accountNames.get(line.accountCode()), line.debit(), line.credit(), line.currency());
    }
}
