package io.collector.projects.project;

import io.collector.service.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Use cases of projects. Every one acts within one tenant. */
@Service
public class ProjectManagement {

    private final ProjectRepository projects;
    private final TaskRepository tasks;
    private final Clock clock = Clock.systemUTC();

    ProjectManagement(ProjectRepository projects, TaskRepository tasks) {
        this.projects = projects;
        this.tasks = tasks;
    }

    @Transactional
    public Project create(String tenantId, String name, String description) {
        Project project = Project.create(tenantId, name, description, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        projects.insert(project);
        return project;
    }

    /** The project with its tasks; 404 when the tenant has no such project. */
    @Transactional(readOnly = true)
    public ProjectWithTasks get(String tenantId, UUID id) {
        Project project = projects.find(tenantId, id).orElseThrow(() -> new NotFoundException("Project", id));
        return new ProjectWithTasks(project, tasks.findByProject(tenantId, id));
    }

    /** The tenant's projects, in creation order (without their tasks). */
    @Transactional(readOnly = true)
    public List<Project> list(String tenantId) {
        return projects.findAll(tenantId);
    }
}
