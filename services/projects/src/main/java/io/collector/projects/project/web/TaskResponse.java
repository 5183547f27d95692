package io.collector.projects.project.web;

import io.collector.projects.project.Task;
import io.collector.projects.project.TaskStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A task as the API shows it. Hours are JSON numbers with two decimals; fields that do not apply yet
 * (estimate, assignee, actual hours, timestamps) are left out.
 */
record TaskResponse(UUID id, UUID projectId, String name, TaskStatus status, BigDecimal estimatedHours,
                    UUID assignedResourceId, BigDecimal actualHours, Instant createdAt, Instant assignedAt,
                    Instant completedAt) {

    static TaskResponse of(Task t) {
        return new TaskResponse(t.id(), t.projectId(), t.name(), t.status(), t.estimatedHours(), t.assignedResourceId(),
                t.actualHours(), t.createdAt(), t.assignedAt(), t.completedAt());
    }
}
