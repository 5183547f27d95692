package io.collector.eventbus;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Tells the test handlers how to behave for a given event key, and counts their attempts. */
@Component
public class HandlerScript {

    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();
    private final Set<String> permanentFailures = ConcurrentHashMap.newKeySet();
    private final Set<String> errors = ConcurrentHashMap.newKeySet();
    private final Set<String> failAfterCommit = ConcurrentHashMap.newKeySet();
    private final Set<String> publishFollowUp = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> logContexts = new ConcurrentHashMap<>();

    public void failTimes(String eventKey, int times) {
        failuresLeft.put(eventKey, times);
    }

    public void failAlways(String eventKey) {
        failuresLeft.put(eventKey, Integer.MAX_VALUE);
    }

    public void failPermanently(String eventKey) {
        permanentFailures.add(eventKey);
    }

    /** Throws an {@link Error} rather than an exception, every time. */
    public void throwError(String eventKey) {
        errors.add(eventKey);
    }

    /** Commits the effect, then fails before the ack could happen: the broker redelivers. */
    public void failAfterCommit(String eventKey) {
        failAfterCommit.add(eventKey);
    }

    public void publishFollowUp(String eventKey) {
        publishFollowUp.add(eventKey);
    }

    public int attempts(String eventKey) {
        AtomicInteger count = attempts.get(eventKey);
        return count == null ? 0 : count.get();
    }

    /** The MDC the handler saw during its last attempt. */
    public Map<String, String> logContext(String eventKey) {
        return logContexts.getOrDefault(eventKey, Map.of());
    }

    void recordAttempt(String eventKey, Map<String, String> logContext) {
        attempts.computeIfAbsent(eventKey, k -> new AtomicInteger()).incrementAndGet();
        logContexts.put(eventKey, logContext == null ? Map.of() : logContext);
    }

    boolean shouldFail(String eventKey) {
        Integer left = failuresLeft.get(eventKey);
        if (left == null || left == 0) {
            return false;
        }
        if (left != Integer.MAX_VALUE) {
            failuresLeft.put(eventKey, left - 1);
        }
        return true;
    }

    boolean isPermanentFailure(String eventKey) {
        return permanentFailures.contains(eventKey);
    }

    boolean throwsError(String eventKey) {
        return errors.contains(eventKey);
    }

    boolean failsAfterCommit(String eventKey) {
        return failAfterCommit.remove(eventKey);
    }

    boolean publishesFollowUp(String eventKey) {
        return publishFollowUp.contains(eventKey);
    }
}
