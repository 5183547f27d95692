package io.collector.projects.project;

import io.collector.eventbus.EventPublisher;
import io.collector.events.payload.TaskCompleted;
import io.collector.projects.resource.ResourceManagement;
import io.collector.service.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Use cases of tasks: add to a project, assign to a resource, complete (publishes {@code task.completed}). */
@Service
public class TaskManagement {

    private static final Logger log = LoggerFactory.getLogger(TaskManagement.class);

    private final TaskRepository tasks;
    private final ProjectRepository projects;
    private final ResourceManagement resources;
    private final EventPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    TaskManagement(TaskRepository tasks, ProjectRepository projects, ResourceManagement resources,
                   EventPublisher publisher) {
        this.tasks = tasks;
        this.projects = projects;
        this.resources = resources;
        this.publisher = publisher;
    }

    /** A new OPEN task of the project; 404 when the tenant has no such project. */
    @Transactional
    public Task add(String tenantId, UUID projectId, String name, BigDecimal estimatedHours) {
        projects.find(tenantId, projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        Task task = Task.open(tenantId, projectId, name, estimatedHours, now());
        tasks.insert(task);
        return task;
    }

    @Transactional(readOnly = true)
    public Task get(String tenantId, UUID id) {
        return tasks.find(tenantId, id).orElseThrow(() -> new NotFoundException("Task", id));
    }

    /**
     * Assigns the task to a resource of the same tenant: 404 for an unknown task or resource, 409 when the
     * task is completed. An assigned task may be reassigned.
     */
    @Transactional
    public Task assign(String tenantId, UUID taskId, UUID resourceId) {
        Task task = tasks.findForUpdate(tenantId, taskId).orElseThrow(() -> new NotFoundException("Task", taskId));
        if (!resources.exists(tenantId, resourceId)) {
            throw new NotFoundException("Resource", resourceId);
        }
        task.assignTo(resourceId, now());
        tasks.update(task);
        return task;
    }

    /**
     * Completes the task with the hours spent and publishes {@code task.completed} in the same transaction:
     * 404 for an unknown task, 409 when it is already completed (then nothing is published again).
     */
    @Transactional
    public Task complete(String tenantId, UUID taskId, BigDecimal actualHours) {
        Task task = tasks.findForUpdate(tenantId, taskId).orElseThrow(() -> new NotFoundException("Task", taskId));
        Project project = projects.find(tenantId, task.projectId())
                .orElseThrow(() -> new IllegalStateException("Task " + taskId + " has no project " + task.projectId()));
        TaskCompleted completed = task.complete(project.name(), actualHours, now());
        tasks.update(task);
        publisher.publish(tenantId, completed);
        log.info("Completed task {} of project {} (tenant {}) with {} h", taskId, project.id(), tenantId, task.actualHours());
        return task;
    }

    /** Milliseconds: what the database keeps and what the event's timestamps show. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
