package io.collector.eventbus.observability;

import io.collector.eventbus.outbox.OutboxStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.time.Duration;
import java.time.Instant;

/** DOWN when the oldest pending outbox row is older than the allowed age: events are not getting out. */
public class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final OutboxStore outbox;
    private final Duration maxPendingAge;

    public OutboxHealthIndicator(OutboxStore outbox, Duration maxPendingAge) {
        super("Outbox backlog check failed");
        this.outbox = outbox;
        this.maxPendingAge = maxPendingAge;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long pending = outbox.pendingCount();
        Duration oldestAge = outbox.oldestPendingCreatedAt().map(t -> Duration.between(t, Instant.now())).orElse(Duration.ZERO);
        (oldestAge.compareTo(maxPendingAge) > 0 ? builder.down() : builder.up())
                .withDetail("pending", pending)
                .withDetail("oldestPendingAgeSeconds", oldestAge.toSeconds())
                .withDetail("maxPendingAgeSeconds", maxPendingAge.toSeconds());
    }
}
