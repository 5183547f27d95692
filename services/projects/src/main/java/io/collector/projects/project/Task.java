package io.collector.projects.project;

import io.collector.events.payload.TaskCompleted;
import io.collector.service.web.ConflictException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A task of a project. It starts OPEN, is ASSIGNED to a resource (and may be reassigned while not
 * completed), and is COMPLETED once with the hours actually spent, which raises {@code task.completed}.
 * A task may be completed without ever being assigned; the event then has no {@code assignedResourceId}.
 * A completed task is final: completing or reassigning it again is a conflict.
 */
public final class Task {

    /** Hours are kept with two decimals. */
    static final int HOURS_SCALE = 2;

    private final UUID id;
    private final String tenantId;
    private final UUID projectId;
    private final String name;
    private final BigDecimal estimatedHours;
    private final Instant createdAt;
    private TaskStatus status;
    private UUID assignedResourceId;
    private BigDecimal actualHours;
    private Instant assignedAt;
    private Instant completedAt;

    Task(UUID id, String tenantId, UUID projectId, String name, BigDecimal estimatedHours, Instant createdAt,
         TaskStatus status, UUID assignedResourceId, BigDecimal actualHours, Instant assignedAt, Instant completedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.projectId = Objects.requireNonNull(projectId, "projectId");
        this.name = Objects.requireNonNull(name, "name");
        this.estimatedHours = estimatedHours;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = Objects.requireNonNull(status, "status");
        this.assignedResourceId = assignedResourceId;
        this.actualHours = actualHours;
        this.assignedAt = assignedAt;
        this.completedAt = completedAt;
    }

    /** A new OPEN task of the project; {@code estimatedHours} is optional and never negative. */
    static Task open(String tenantId, UUID projectId, String name, BigDecimal estimatedHours, Instant now) {
        BigDecimal estimate = estimatedHours == null ? null : hours(estimatedHours);
        if (estimate != null && estimate.signum() < 0) {
            throw new IllegalArgumentException("estimatedHours must not be negative: " + estimatedHours);
        }
        return new Task(UUID.randomUUID(), tenantId, projectId, name.strip(), estimate, now, TaskStatus.OPEN,
                null, null, null, null);
    }

    /**
     * Assigns the task to a resource (an OPEN task, or an ASSIGNED one to another or the same resource).
     *
     * @throws ConflictException when the task is already COMPLETED
     */
    void assignTo(UUID resourceId, Instant now) {
        Objects.requireNonNull(resourceId, "resourceId");
        if (status.isFinal()) {
            throw new ConflictException("Task " + id + " is " + status + " and cannot be reassigned");
        }
        this.status = TaskStatus.ASSIGNED;
        this.assignedResourceId = resourceId;
        this.assignedAt = now;
    }

    /**
     * Completes the task with the hours spent on it (more than zero) and returns the event it raises.
     *
     * @param projectName the name of the task's project, which the event carries
     * @throws ConflictException when the task is already COMPLETED (a task is completed once)
     */
    TaskCompleted complete(String projectName, BigDecimal actualHours, Instant now) {
        Objects.requireNonNull(actualHours, "actualHours");
        if (status.isFinal()) {
            throw new ConflictException("Task " + id + " is already " + status + " and cannot be completed again");
        }
        BigDecimal actual = hours(actualHours);
        if (actual.signum() <= 0) {
            throw new IllegalArgumentException("actualHours must be greater than zero: " + actualHours);
        }
        this.status = TaskStatus.COMPLETED;
        this.actualHours = actual;
        this.completedAt = now;
        return new TaskCompleted(id, name, projectId, projectName, assignedResourceId,
                estimatedHours == null ? null : estimatedHours.doubleValue(), actual.doubleValue(), now);
    }

    static BigDecimal hours(BigDecimal value) {
        return value.setScale(HOURS_SCALE, RoundingMode.HALF_UP);
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public UUID projectId() { return projectId; }
    public String name() { return name; }
    public BigDecimal estimatedHours() { return estimatedHours; }
    public Instant createdAt() { return createdAt; }
    public TaskStatus status() { return status; }
    public UUID assignedResourceId() { return assignedResourceId; }
    public BigDecimal actualHours() { return actualHours; }
    public Instant assignedAt() { return assignedAt; }
    public Instant completedAt() { return completedAt; }
}
