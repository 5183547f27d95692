package io.collector.projects.project.web;

import io.collector.projects.project.TaskManagement;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.UUID;

/** Tasks of the caller's tenant: read, assign, complete. Tasks are added through their project. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final TaskManagement tasks;

    TaskController(TaskManagement tasks) {
        this.tasks = tasks;
    }

    record AssignTaskRequest(@NotNull UUID resourceId) {
    }

    /** {@code actualHours}: a number > 0 with at most two decimals. */
    record CompleteTaskRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = 7, fraction = 2, message = "must be a number of hours with at most 2 decimals")
            BigDecimal actualHours) {

        CompleteTaskRequest {
            // 7.500 is 7.5: "at most two decimals" is about the value, not how the client wrote it.
            actualHours = actualHours == null ? null : actualHours.stripTrailingZeros();
        }
    }

    @GetMapping("/{id}")
    TaskResponse get(@PathVariable UUID id) {
        return TaskResponse.of(tasks.get(CurrentTenant.id(), id));
    }

    /** 200 with the ASSIGNED task; 404 for an unknown task or resource; 409 when the task is completed. */
    @PostMapping("/{id}/assign")
    TaskResponse assign(@PathVariable UUID id, @Valid @RequestBody AssignTaskRequest request) {
        return TaskResponse.of(tasks.assign(CurrentTenant.id(), id, request.resourceId()));
    }

    /** 200 with the COMPLETED task, and {@code task.completed} published; 404 unknown; 409 already completed. */
    @PostMapping("/{id}/complete")
    TaskResponse complete(@PathVariable UUID id, @Valid @RequestBody CompleteTaskRequest request) {
        return TaskResponse.of(tasks.complete(CurrentTenant.id(), id, request.actualHours()));
    }
}
