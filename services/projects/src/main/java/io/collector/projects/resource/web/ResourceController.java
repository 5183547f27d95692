package io.collector.projects.resource.web;

import io.collector.projects.resource.Resource;
import io.collector.projects.resource.ResourceManagement;
import io.collector.service.tenant.CurrentTenant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The caller's tenant's resources, read only: they are created by {@code employee.hired}. */
@RestController
@RequestMapping("/api/resources")
class ResourceController {

    private final ResourceManagement resources;

    ResourceController(ResourceManagement resources) {
        this.resources = resources;
    }

    /** {@code id} is the employee's id; {@code department} is left out when HR sent none. */
    record ResourceResponse(UUID id, String name, String firstName, String lastName, String employeeNumber,
                            String email, String position, String department, Instant hireDate, Instant createdAt) {
        static ResourceResponse of(Resource r) {
            return new ResourceResponse(r.id(), r.name(), r.firstName(), r.lastName(), r.employeeNumber(), r.email(),
                    r.position(), r.department(), r.hireDate(), r.createdAt());
        }
    }

    @GetMapping
    List<ResourceResponse> list() {
        return resources.list(CurrentTenant.id()).stream().map(ResourceResponse::of).toList();
    }

    @GetMapping("/{id}")
    ResourceResponse get(@PathVariable UUID id) {
        return ResourceResponse.of(resources.get(CurrentTenant.id(), id));
    }
}
