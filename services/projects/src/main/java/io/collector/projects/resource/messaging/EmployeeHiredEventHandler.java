package io.collector.projects.resource.messaging;

import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.EmployeeHired;
import io.collector.projects.resource.ResourceManagement;
import org.springframework.stereotype.Component;

/** employee.hired → a resource of the event's tenant (queue {@code projects.employee.hired}). */
@Component
class EmployeeHiredEventHandler {

    private final ResourceManagement resources;

    EmployeeHiredEventHandler(ResourceManagement resources) {
        this.resources = resources;
    }

    @EventHandler
    void on(EventEnvelope<EmployeeHired> event) {
        resources.registerHired(event.tenantId(), event.data());
    }
}
