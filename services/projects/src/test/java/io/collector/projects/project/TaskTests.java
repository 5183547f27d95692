package io.collector.projects.project;

import io.collector.events.payload.TaskCompleted;
import io.collector.service.web.ConflictException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskTests {

    private static final Instant CREATED = Instant.parse("2024-01-15T08:00:00Z");
    private static final Instant ASSIGNED = Instant.parse("2024-01-15T09:00:00Z");
    private static final Instant COMPLETED = Instant.parse("2024-01-15T17:00:00.123Z");
    private static final UUID PROJECT = UUID.randomUUID();

    private static Task newTask(String estimatedHours) {
        return Task.open("tenant-1", PROJECT, "  Implement Feature X ", estimatedHours == null ? null : new BigDecimal(estimatedHours), CREATED);
    }

    @Test
    void aNewTaskIsOpenAndUnassigned() {
        Task task = newTask("8");

        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.name()).isEqualTo("Implement Feature X");
        assertThat(task.estimatedHours()).isEqualTo(new BigDecimal("8.00"));
        assertThat(task.assignedResourceId()).isNull();
        assertThat(task.actualHours()).isNull();
        assertThat(task.completedAt()).isNull();
    }

    @Test
    void theEstimateIsOptionalButNeverNegative() {
        assertThat(newTask(null).estimatedHours()).isNull();
        assertThat(newTask("0").estimatedHours()).isEqualTo(new BigDecimal("0.00"));
        assertThatThrownBy(() -> newTask("-0.5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void movesFromOpenToAssignedToCompleted() {
        Task task = newTask("8");
        UUID resource = UUID.randomUUID();

        task.assignTo(resource, ASSIGNED);
        assertThat(task.status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(task.assignedResourceId()).isEqualTo(resource);
        assertThat(task.assignedAt()).isEqualTo(ASSIGNED);

        TaskCompleted event = task.complete("Project Alpha", new BigDecimal("7.5"), COMPLETED);
        assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task.actualHours()).isEqualTo(new BigDecimal("7.50"));
        assertThat(task.completedAt()).isEqualTo(COMPLETED);
        assertThat(event).isEqualTo(new TaskCompleted(task.id(), "Implement Feature X", PROJECT, "Project Alpha",
                resource, 8.0, 7.5, COMPLETED));
    }

    @Test
    void anAssignedTaskCanBeReassignedUntilItIsCompleted() {
        Task task = newTask(null);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        task.assignTo(first, ASSIGNED);

        task.assignTo(second, ASSIGNED.plusSeconds(60));

        assertThat(task.status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(task.assignedResourceId()).isEqualTo(second);
        assertThat(task.assignedAt()).isEqualTo(ASSIGNED.plusSeconds(60));
    }

    @Test
    void anUnassignedTaskCanBeCompletedAndItsEventNamesNoResource() {
        Task task = newTask(null);

        TaskCompleted event = task.complete("Project Alpha", new BigDecimal("2"), COMPLETED);

        assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(event.assignedResourceId()).isNull();
        assertThat(event.estimatedHours()).isNull();
        assertThat(event.actualHours()).isEqualTo(2.0);
    }

    @Test
    void aCompletedTaskCannotBeCompletedAgain() {
        Task task = newTask("8");
        task.assignTo(UUID.randomUUID(), ASSIGNED);
        task.complete("Project Alpha", new BigDecimal("10"), COMPLETED);

        assertThatThrownBy(() -> task.complete("Project Alpha", new BigDecimal("3"), COMPLETED.plusSeconds(1)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already COMPLETED");
        assertThat(task.actualHours()).isEqualTo(new BigDecimal("10.00"));
        assertThat(task.completedAt()).isEqualTo(COMPLETED);
    }

    @Test
    void aCompletedTaskCannotBeReassigned() {
        Task task = newTask("8");
        UUID resource = UUID.randomUUID();
        task.assignTo(resource, ASSIGNED);
        task.complete("Project Alpha", new BigDecimal("10"), COMPLETED);

        assertThatThrownBy(() -> task.assignTo(UUID.randomUUID(), COMPLETED.plusSeconds(1)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("cannot be reassigned");
        assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task.assignedResourceId()).isEqualTo(resource);
    }

    @Test
    void completingNeedsMoreThanZeroHours() {
        Task task = newTask("8");

        assertThatThrownBy(() -> task.complete("Project Alpha", BigDecimal.ZERO, COMPLETED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
    }
}
