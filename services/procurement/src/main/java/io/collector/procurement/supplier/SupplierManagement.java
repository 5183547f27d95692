package io.collector.procurement.supplier;

import io.collector.service.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The use cases of suppliers. Every one acts within one tenant. */
@Service
public class SupplierManagement {

    private final SupplierRepository suppliers;
    private final Clock clock = Clock.systemUTC();

    SupplierManagement(SupplierRepository suppliers) {
        this.suppliers = suppliers;
    }

    /** Registers a supplier; a product listed twice counts once. */
    @Transactional
    public Supplier register(String tenantId, String name, String email, Integer leadTimeDays, List<UUID> productIds) {
        List<UUID> products = productIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(productIds));
        Supplier supplier = new Supplier(UUID.randomUUID(), tenantId, name, email, leadTimeDays, products, clock.instant());
        suppliers.insert(supplier);
        return supplier;
    }

    @Transactional(readOnly = true)
    public Supplier get(String tenantId, UUID id) {
        return suppliers.find(tenantId, id).orElseThrow(() -> new NotFoundException("Supplier", id));
    }

    @Transactional(readOnly = true)
    public List<Supplier> list(String tenantId) {
        return suppliers.findAll(tenantId);
    }

    /**
     * Who to buy the product from: among the suppliers that supply it, the one with the shortest
     * lead time (unknown lead times last), then the one registered first. Empty when none supplies it.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> preferredSupplierOf(String tenantId, UUID productId) {
        return suppliers.findPreferredSupplierOf(tenantId, productId);
    }
}
