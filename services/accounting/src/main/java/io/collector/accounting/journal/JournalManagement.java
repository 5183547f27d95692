package io.collector.accounting.journal;

import io.collector.accounting.account.AccountManagement;
import io.collector.eventbus.EventContext;
import io.collector.eventbus.PermanentEventFailure;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
import io.collector.events.payload.PayrollProcessed;
import io.collector.service.numbering.DocumentNumbers;
import io.collector.service.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Use cases of the journal: posting the entry of an event (once per business event, within the
 * event's tenant) and reading entries.
 */
@Service
public class JournalManagement {

    private static final Logger log = LoggerFactory.getLogger(JournalManagement.class);
    static final String NUMBER_PREFIX = "JE";

    private final JournalRepository journal;
    private final AccountManagement accounts;
    private final DocumentNumbers numbers;
    private final Clock clock = Clock.systemUTC();

    JournalManagement(JournalRepository journal, AccountManagement accounts, DocumentNumbers numbers) {
        this.journal = journal;
        this.accounts = accounts;
        this.numbers = numbers;
    }

    /** invoice.issued: Dr Accounts receivable / Cr Revenue / Cr Tax payable. */
    @Transactional
    public Optional<JournalEntry> postInvoice(EventEnvelope<InvoiceIssued> event) {
        return post(event, eventId -> PostingRules.invoiceIssued(event.tenantId(), eventId, event.timestamp(), event.data()));
    }

    /** invoice.paid: Dr Bank / Cr Accounts receivable. */
    @Transactional
    public Optional<JournalEntry> postPayment(EventEnvelope<InvoicePaid> event) {
        return post(event, eventId -> PostingRules.invoicePaid(event.tenantId(), eventId, event.data()));
    }

    /** payroll.processed: Dr Salaries expense / Cr Payroll liabilities. */
    @Transactional
    public Optional<JournalEntry> postPayroll(EventEnvelope<PayrollProcessed> event) {
        return post(event, eventId -> PostingRules.payrollProcessed(event.tenantId(), eventId, event.data()));
    }

    /**
     * Posts what the rule makes of the event, unless an entry for the same business key exists (a copy
     * re-published under a new event id). An event the rules refuse goes to the DLQ with the reason. Two
     * copies racing: the loser's insert finds the winner's row and fails transiently; its retry sees the
     * entry and does nothing. No entry number is used up by a duplicate.
     */
    private Optional<JournalEntry> post(EventEnvelope<?> event, Function<String, Optional<JournalEntry>> rule) {
        String tenantId = event.tenantId();
        Optional<JournalEntry> draft;
        try {
            draft = rule.apply(sourceEventId(event));
        } catch (UnpostableEventException | IllegalArgumentException e) {
            // Retrying cannot change the event: to the DLQ with the reason.
            throw new PermanentEventFailure(e.getMessage(), e);
        }
        accounts.ensureChart(tenantId);
        if (draft.isEmpty()) {
            log.info("{} {} has no amount to post: no journal entry", event.type(), event.eventId());
            return Optional.empty();
        }
        EventSource source = draft.get().source();
        Optional<String> existing = journal.numberOfEntryFor(tenantId, source.eventType(), source.reference());
        if (existing.isPresent()) {
            log.info("{} {} was already posted as {}: nothing to do", source.eventType(), source.reference(), existing.get());
            return Optional.empty();
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        JournalEntry entry = draft.get().posted(
                numbers.next(tenantId, NUMBER_PREFIX, Year.of(now.atZone(ZoneOffset.UTC).getYear())), now);
        if (!journal.insert(entry)) {
            throw new IllegalStateException(source.eventType() + " " + source.reference()
                    + " was posted concurrently by another copy of the event; a retry will find it");
        }
        log.info("Posted {} for {} {} ({})", entry.entryNumber(), source.eventType(), source.reference(), source.document());
        return Optional.of(entry);
    }

    /** The event's id; for a producer that sends none, the bus's idempotency key (AMQP message id or body hash). */
    private static String sourceEventId(EventEnvelope<?> event) {
        if (event.eventId() != null) {
            return event.eventId().toString();
        }
        return EventContext.current().map(EventContext::eventKey)
                .orElseThrow(() -> new IllegalStateException("An event without eventId outside of the bus's handling"));
    }

    /** The tenant's entries matching the query, newest first, with their lines. */
    @Transactional
    public List<JournalEntry> entries(String tenantId, JournalQuery query) {
        accounts.ensureChart(tenantId);
        return journal.list(tenantId, query);
    }

    /** One entry of the tenant; another tenant's or an unknown id is a 404. */
    @Transactional
    public JournalEntry entry(String tenantId, UUID id) {
        accounts.ensureChart(tenantId);
        return journal.find(tenantId, id).orElseThrow(() -> new NotFoundException("Journal entry", id));
    }
}
