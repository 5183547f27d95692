package io.collector.service.admin;

import io.collector.eventbus.inbound.FailureHeaders;
import io.collector.eventbus.operations.BrokerOperationException;
import io.collector.eventbus.operations.DeadLetters;
import io.collector.eventbus.operations.DeadLetters.DeadLetter;
import io.collector.eventbus.operations.DeadLetters.DeadLetterQueue;
import io.collector.eventbus.operations.DeadLetters.Discard;
import io.collector.eventbus.operations.OperationRefusedException;
import io.collector.eventbus.operations.OutboxOperations;
import io.collector.eventbus.operations.UnknownTargetException;
import io.collector.service.tenant.CurrentTenant;
import io.collector.service.web.CorrelationIdFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/admin}: the operator's view of this service's event bus. The security configuration
 * lets only tokens with role {@code admin} in; an admin acts across tenants, and every action is
 * logged with the token's subject as the actor.
 */
@RestController
@RequestMapping("/api/admin")
public class AdminController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_LIMIT = 1000;

    private final OutboxOperations outbox;
    private final DeadLetters deadLetters;

    /**
     * Providers, not beans: a service whose application class sits in {@code io.collector.service}
     * scans this controller in even where the bus runs without a broker (no {@link DeadLetters},
     * then no dead-letter queue is found) or is not configured at all (then nothing is found).
     */
    public AdminController(ObjectProvider<OutboxOperations> outbox, ObjectProvider<DeadLetters> deadLetters) {
        this.outbox = outbox.getIfAvailable();
        this.deadLetters = deadLetters.getIfAvailable();
    }

    /** A DLQ message as the API shows it: the failure headers by name, all headers, the body as JSON (or text). */
    public record DeadLetterView(String queue, String messageId, String type, String tenantId, String correlationId,
                                 Instant timestamp, boolean redelivered, String originalQueue, String exceptionClass,
                                 String exceptionMessage, Integer attempts, String firstFailureAt, String lastFailureAt,
                                 String deadLetterReason, Map<String, Object> headers, Object body) {

        static DeadLetterView of(DeadLetter letter) {
            String attempts = letter.header(FailureHeaders.ATTEMPTS);
            return new DeadLetterView(letter.queue(), letter.messageId(), letter.type(), letter.tenantId(),
                    letter.correlationId(), letter.timestamp(), letter.redelivered(),
                    letter.header(FailureHeaders.ORIGINAL_QUEUE), letter.header(FailureHeaders.EXCEPTION_CLASS),
                    letter.header(FailureHeaders.EXCEPTION_MESSAGE), attempts == null ? null : Integer.valueOf(attempts),
                    letter.header(FailureHeaders.FIRST_FAILURE_AT), letter.header(FailureHeaders.LAST_FAILURE_AT),
                    letter.header(FailureHeaders.DEAD_LETTER_REASON), letter.headers(), jsonOrText(letter.body()));
        }
    }

    public record DiscardRequest(@NotBlank String reason) {
    }

    public record DiscardView(long id, String queue, String messageId, String eventType, String tenantId,
                              String correlationId, String reason, String actor, Instant discardedAt,
                              Object headers, Object body) {

        static DiscardView of(Discard discard) {
            return new DiscardView(discard.id(), discard.queue(), discard.messageId(), discard.eventType(),
                    discard.tenantId(), discard.correlationId(), discard.reason(), discard.actor(), discard.discardedAt(),
                    jsonOrText(discard.headers().getBytes(StandardCharsets.UTF_8)), jsonOrText(discard.body()));
        }
    }

    public record ReplayView(String replayedTo, String actor, DeadLetterView message) {
    }

    public record ReplayAllView(String queue, String actor, int replayed, int remaining, String failure) {
    }

    public record RetryAllView(String actor, int retried) {
    }

    // ---- dead letters

    @GetMapping("/dead-letters")
    public List<DeadLetterQueue> deadLetterQueues() {
        return deadLetters == null ? List.of() : deadLetters.queues();
    }

    @GetMapping("/dead-letters/discards")
    public List<DiscardView> discards(@RequestParam(defaultValue = "50") int limit) {
        return requireDeadLetters("discards").discards(limit(limit)).stream().map(DiscardView::of).toList();
    }

    @GetMapping("/dead-letters/{queue}")
    public List<DeadLetterView> deadLetters(@PathVariable String queue, @RequestParam(defaultValue = "20") int limit) {
        return requireDeadLetters(queue).browse(queue, limit(limit)).stream().map(DeadLetterView::of).toList();
    }

    @GetMapping("/dead-letters/{queue}/{messageId}")
    public DeadLetterView deadLetter(@PathVariable String queue, @PathVariable String messageId) {
        return DeadLetterView.of(requireDeadLetters(queue).show(queue, messageId));
    }

    @PostMapping("/dead-letters/{queue}/{messageId}/replay")
    public ReplayView replay(@PathVariable String queue, @PathVariable String messageId) {
        DeadLetters letters = requireDeadLetters(queue);
        DeadLetter replayed = letters.replay(queue, messageId, actor());
        String dlq = letters.resolve(queue);
        return new ReplayView(dlq.substring(0, dlq.length() - ".dlq".length()), actor(), DeadLetterView.of(replayed));
    }

    @PostMapping("/dead-letters/{queue}/replay")
    public ReplayAllView replayAll(@PathVariable String queue) {
        DeadLetters letters = requireDeadLetters(queue);
        DeadLetters.ReplayAll result = letters.replayAll(queue, actor());
        return new ReplayAllView(letters.resolve(queue), actor(), result.replayed(), result.remaining(), result.failure());
    }

    @PostMapping("/dead-letters/{queue}/{messageId}/discard")
    public DiscardView discard(@PathVariable String queue, @PathVariable String messageId,
                               @Valid @RequestBody DiscardRequest request) {
        return DiscardView.of(requireDeadLetters(queue).discard(queue, messageId, request.reason(), actor()));
    }

    // ---- outbox

    @GetMapping("/outbox")
    public List<OutboxOperations.Entry> outbox(@RequestParam(defaultValue = "PENDING") String status,
                                               @RequestParam(defaultValue = "100") int limit) {
        return requireOutbox().list(OutboxOperations.Filter.parse(status), limit(limit));
    }

    @PostMapping("/outbox/{id}/retry")
    public OutboxOperations.Entry retry(@PathVariable long id) {
        return requireOutbox().retry(id, actor());
    }

    @PostMapping("/outbox/retry")
    public RetryAllView retryAll() {
        return new RetryAllView(actor(), requireOutbox().retryAll(actor()));
    }

    // ---- errors, as problem details like everywhere else

    @ExceptionHandler(UnknownTargetException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownTargetException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(OperationRefusedException.class)
    ResponseEntity<ProblemDetail> refused(OperationRefusedException e) {
        return problem(HttpStatus.CONFLICT, "Conflict with the current state", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(BrokerOperationException.class)
    ResponseEntity<ProblemDetail> broker(BrokerOperationException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Broker unavailable",
                e.getMessage() + " — nothing was removed from the queue");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return ResponseEntity.status(status).body(problem);
    }

    private DeadLetters requireDeadLetters(String queue) {
        if (deadLetters == null) {
            throw new UnknownTargetException("No dead-letter queue " + queue + ": this service runs without a broker");
        }
        return deadLetters;
    }

    private OutboxOperations requireOutbox() {
        if (outbox == null) {
            throw new UnknownTargetException("No outbox: this service has no event bus (collector.eventbus.service)");
        }
        return outbox;
    }

    private static String actor() {
        return CurrentTenant.user();
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /** The body as JSON when it is JSON, else as text. */
    static Object jsonOrText(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
