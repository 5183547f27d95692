package io.collector.projects.project;

import java.util.List;

/** A project and its tasks, in creation order. */
public record ProjectWithTasks(Project project, List<Task> tasks) {

    public ProjectWithTasks {
        tasks = List.copyOf(tasks);
    }
}
