package io.collector.accounting.journal.web;

import io.collector.accounting.account.Account;
import io.collector.accounting.account.AccountManagement;
import io.collector.accounting.journal.JournalEntry;
import io.collector.accounting.journal.JournalManagement;
import io.collector.accounting.journal.JournalQuery;
import io.collector.service.tenant.CurrentTenant;
import io.collector.service.web.CorrelationIdFilter;
import io.collector.service.web.ProblemDetailsAdvice.FieldViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@RestController
class JournalController {

    private final JournalManagement journal;
    private final AccountManagement accounts;

    JournalController(JournalManagement journal, AccountManagement accounts) {
        this.journal = journal;
        this.accounts = accounts;
    }

    /**
     * The tenant's journal entries with their lines, newest first. {@code sourceReference} matches an
     * entry's source reference (invoice id, payroll id) or source document (invoice number, payroll
     * period); {@code from} and {@code to} bound the posting time, inclusive (see {@link TimeBounds}).
     */
    @GetMapping("/api/journal-entries")
    List<JournalEntryResponse> entries(
            @RequestParam(required = false) @Size(min = 1, max = 200) String sourceReference,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        Instant start = TimeBounds.from(from);
        Instant until = TimeBounds.until(to);
        if (start != null && until != null && !start.isBefore(until)) {
            throw new InvalidParameterException("to", "must not be before from");
        }
        String tenant = CurrentTenant.id();
        List<JournalEntry> entries = journal.entries(tenant, new JournalQuery(sourceReference, start, until, limit));
        Map<String, String> names = accountNames(tenant);
        return entries.stream().map(entry -> JournalEntryResponse.of(entry, names)).toList();
    }

    @GetMapping("/api/journal-entries/{id}")
    JournalEntryResponse entry(@PathVariable UUID id) {
        String tenant = CurrentTenant.id();
        return JournalEntryResponse.of(journal.entry(tenant, id), accountNames(tenant));
    }

    private Map<String, String> accountNames(String tenant) {
        return accounts.chart(tenant).stream().collect(Collectors.toMap(Account::code, Account::name));
    }

    /** The same problem shape as the shared advice gives Bean Validation errors. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '" + e.parameter() + "' " + e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new FieldViolation(e.parameter(), e.getMessage())));
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return ResponseEntity.badRequest().body(problem);
    }
}
