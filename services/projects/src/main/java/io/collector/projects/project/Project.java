package io.collector.projects.project;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A tenant's project: a named container of tasks. */
public record Project(UUID id, String tenantId, String name, String description, Instant createdAt) {

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    static Project create(String tenantId, String name, String description, Instant now) {
        String trimmedDescription = description == null || description.isBlank() ? null : description.strip();
        return new Project(UUID.randomUUID(), tenantId, name.strip(), trimmedDescription, now);
    }
}
