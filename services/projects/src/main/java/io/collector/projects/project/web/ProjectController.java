package io.collector.projects.project.web;

import io.collector.projects.project.Project;
import io.collector.projects.project.ProjectManagement;
import io.collector.projects.project.ProjectWithTasks;
import io.collector.projects.project.Task;
import io.collector.projects.project.TaskManagement;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Projects of the caller's tenant, and the tasks added to them. */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

    private final ProjectManagement projects;
    private final TaskManagement tasks;

    ProjectController(ProjectManagement projects, TaskManagement tasks) {
        this.projects = projects;
        this.tasks = tasks;
    }

    record CreateProjectRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description) {
    }

    /** {@code estimatedHours} is optional: a number ≥ 0 with at most two decimals. */
    record CreateTaskRequest(
            @NotBlank @Size(max = 200) String name,
            @DecimalMin("0") @Digits(integer = 7, fraction = 2, message = "must be a number of hours with at most 2 decimals")
            BigDecimal estimatedHours) {

        CreateTaskRequest {
            // 1.500 is 1.5: "at most two decimals" is about the value, not how the client wrote it.
            estimatedHours = estimatedHours == null ? null : estimatedHours.stripTrailingZeros();
        }
    }

    /** A project without its tasks, as the list shows it. */
    record ProjectSummaryResponse(UUID id, String name, String description, Instant createdAt) {
        static ProjectSummaryResponse of(Project p) {
            return new ProjectSummaryResponse(p.id(), p.name(), p.description(), p.createdAt());
        }
    }

    /** A project with its tasks in creation order. */
    record ProjectResponse(UUID id, String name, String description, Instant createdAt, List<TaskResponse> tasks) {
        static ProjectResponse of(ProjectWithTasks p) {
            return new ProjectResponse(p.project().id(), p.project().name(), p.project().description(),
                    p.project().createdAt(), p.tasks().stream().map(TaskResponse::of).toList());
        }
    }

    /** 201 with the project (and its empty task list) and its {@code Location}. */
    @PostMapping
    ResponseEntity<ProjectResponse> create(@Valid @RequestBody CreateProjectRequest request) {
        Project project = projects.create(CurrentTenant.id(), request.name(), request.description());
        return ResponseEntity.created(URI.create("/api/projects/" + project.id()))
                .body(ProjectResponse.of(new ProjectWithTasks(project, List.of())));
    }

    @GetMapping
    List<ProjectSummaryResponse> list() {
        return projects.list(CurrentTenant.id()).stream().map(ProjectSummaryResponse::of).toList();
    }

    @GetMapping("/{id}")
    ProjectResponse get(@PathVariable UUID id) {
        return ProjectResponse.of(projects.get(CurrentTenant.id(), id));
    }

    /** 201 with the OPEN task and its {@code Location} ({@code /api/tasks/{id}}); 404 for an unknown project. */
    @PostMapping("/{id}/tasks")
    ResponseEntity<TaskResponse> addTask(@PathVariable UUID id, @Valid @RequestBody CreateTaskRequest request) {
        Task task = tasks.add(CurrentTenant.id(), id, request.name(), request.estimatedHours());
        return ResponseEntity.created(URI.create("/api/tasks/" + task.id())).body(TaskResponse.of(task));
    }
}
