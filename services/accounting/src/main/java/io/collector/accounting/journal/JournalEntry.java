package io.collector.accounting.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A double entry: at least two lines whose debits equal their credits in every currency. An entry that
 * does not balance cannot be constructed. A draft has no number yet; {@link #posted} numbers and dates it.
 */
public final class JournalEntry {

    private final UUID id;
    private final String tenantId;
    private final String entryNumber;
    private final Instant postedAt;
    private final Instant occurredAt;
    private final String description;
    private final EventSource source;
    private final List<JournalLine> lines;

    private JournalEntry(UUID id, String tenantId, String entryNumber, Instant postedAt, Instant occurredAt,
                         String description, EventSource source, List<JournalLine> lines) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.entryNumber = entryNumber;
        this.postedAt = postedAt;
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.description = Objects.requireNonNull(description, "description");
        this.source = Objects.requireNonNull(source, "source");
        this.lines = List.copyOf(lines);
        requireBalanced(this.lines);
    }

    /** A new entry, not numbered yet. Refused ({@link UnbalancedEntryException}) unless it balances. */
    public static JournalEntry draft(String tenantId, Instant occurredAt, String description, EventSource source,
                                     List<JournalLine> lines) {
        return new JournalEntry(UUID.randomUUID(), tenantId, null, null, occurredAt, description, source, lines);
    }

    /** An entry as it was stored. */
    static JournalEntry restore(UUID id, String tenantId, String entryNumber, Instant postedAt, Instant occurredAt,
                                String description, EventSource source, List<JournalLine> lines) {
        return new JournalEntry(id, tenantId, Objects.requireNonNull(entryNumber, "entryNumber"),
                Objects.requireNonNull(postedAt, "postedAt"), occurredAt, description, source, lines);
    }

    /** This draft with its number and posting time. */
    public JournalEntry posted(String entryNumber, Instant postedAt) {
        if (this.entryNumber != null) {
            throw new IllegalStateException("Journal entry " + this.entryNumber + " is already posted");
        }
        return new JournalEntry(id, tenantId, Objects.requireNonNull(entryNumber, "entryNumber"),
                Objects.requireNonNull(postedAt, "postedAt"), occurredAt, description, source, lines);
    }

    /** Debit and credit totals of some lines, per currency. */
    public record Totals(String currency, BigDecimal debit, BigDecimal credit) {
        public boolean balanced() {
            return debit.compareTo(credit) == 0;
        }
    }

    /** The entry's debit and credit totals per currency (equal, since the entry balances). */
    public List<Totals> totals() {
        return totalsOf(lines);
    }

    static List<Totals> totalsOf(List<JournalLine> lines) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (JournalLine line : lines) {
            BigDecimal[] sum = sums.computeIfAbsent(line.currency(), c -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(line.debit());
            sum[1] = sum[1].add(line.credit());
        }
        return sums.entrySet().stream().map(e -> new Totals(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    private static void requireBalanced(List<JournalLine> lines) {
        if (lines.size() < 2) {
            throw new UnbalancedEntryException("A journal entry needs at least two lines, not " + lines.size());
        }
        for (Totals totals : totalsOf(lines)) {
            if (!totals.balanced()) {
                throw new UnbalancedEntryException("A journal entry must balance: its " + totals.currency() + " debits "
                        + totals.debit() + " differ from its credits " + totals.credit());
            }
        }
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    /** {@code JE-<year>-<seq>} per tenant, null for a draft. */
    public String entryNumber() {
        return entryNumber;
    }

    /** When it was posted, null for a draft. */
    public Instant postedAt() {
        return postedAt;
    }

    /** When the business fact happened: the invoice was issued, paid, the payroll processed. */
    public Instant occurredAt() {
        return occurredAt;
    }

    public String description() {
        return description;
    }

    public EventSource source() {
        return source;
    }

    public List<JournalLine> lines() {
        return lines;
    }

    @Override
    public String toString() {
        return "JournalEntry[" + (entryNumber == null ? "draft " + id : entryNumber) + ", " + source.eventType() + " "
                + source.reference() + ", " + lines + "]";
    }
}
