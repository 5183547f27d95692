package io.collector.inventory.warehouse;

import io.collector.service.web.ConflictException;
import io.collector.service.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Use cases of warehouses. */
@Service
public class WarehouseManagement {

    private final WarehouseRepository warehouses;
    private final Clock clock = Clock.systemUTC();

    WarehouseManagement(WarehouseRepository warehouses) {
        this.warehouses = warehouses;
    }

    @Transactional
    public Warehouse create(String tenantId, String name, boolean askedToBeDefault) {
        warehouses.lockTenant(tenantId);
        Warehouse warehouse = Warehouse.create(tenantId, name, askedToBeDefault, warehouses.exists(tenantId),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (warehouse.isDefault()) {
            warehouses.clearDefault(tenantId);
        }
        if (!warehouses.insert(warehouse)) {
            // Rolls the cleared default back with it.
            throw new ConflictException("A warehouse named " + warehouse.name() + " already exists");
        }
        return warehouse;
    }

    @Transactional(readOnly = true)
    public Warehouse get(String tenantId, UUID id) {
        return warehouses.find(tenantId, id).orElseThrow(() -> new NotFoundException("Warehouse", id));
    }

    @Transactional(readOnly = true)
    public List<Warehouse> list(String tenantId) {
        return warehouses.findAll(tenantId);
    }
}
