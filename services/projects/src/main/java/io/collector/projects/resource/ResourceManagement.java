package io.collector.projects.resource;

import io.collector.events.payload.EmployeeHired;
import io.collector.service.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Use cases of resources. Resources come only from {@code employee.hired}; the API reads them. */
@Service
public class ResourceManagement {

    private static final Logger log = LoggerFactory.getLogger(ResourceManagement.class);

    private final ResourceRepository resources;
    private final Clock clock = Clock.systemUTC();

    ResourceManagement(ResourceRepository resources) {
        this.resources = resources;
    }

    /**
     * Makes the hired employee a resource of the tenant, once: a copy of the event (re-published under a
     * new event id) finds the resource and changes nothing; the first copy's data stays.
     */
    @Transactional
    public void registerHired(String tenantId, EmployeeHired employee) {
        Resource resource = Resource.hired(tenantId, employee, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (resources.insert(resource)) {
            log.info("Employee {} ({}) of tenant {} is now a resource", employee.employeeNumber(), employee.employeeId(), tenantId);
        } else {
            log.info("Employee {} ({}) of tenant {} is already a resource; nothing to do",
                    employee.employeeNumber(), employee.employeeId(), tenantId);
        }
    }

    @Transactional(readOnly = true)
    public Resource get(String tenantId, UUID id) {
        return resources.find(tenantId, id).orElseThrow(() -> new NotFoundException("Resource", id));
    }

    @Transactional(readOnly = true)
    public boolean exists(String tenantId, UUID id) {
        return resources.exists(tenantId, id);
    }

    /** The tenant's resources by last name, then first name. */
    @Transactional(readOnly = true)
    public List<Resource> list(String tenantId) {
        return resources.findAll(tenantId);
    }
}
