package io.collector.events.payload;

import io.collector.events.EventPayload;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code task.completed}: a project task was completed (Project Management → HR/Payroll).
 * Hours are JSON numbers (not decimal strings) that may carry fractions, such as 7.5.
 */
public record TaskCompleted(
        UUID taskId,
        String taskName,
        UUID projectId,
        String projectName,
        UUID assignedResourceId,
        Double estimatedHours,
        Double actualHours,
        Instant completedAt) implements EventPayload {
}
