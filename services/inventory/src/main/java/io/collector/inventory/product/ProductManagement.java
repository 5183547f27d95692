package io.collector.inventory.product;

import io.collector.service.web.ConflictException;
import io.collector.service.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Use cases of products. */
@Service
public class ProductManagement {

    private final ProductRepository products;
    private final Clock clock;

    ProductManagement(ProductRepository products) {
        this.products = products;
        this.clock = Clock.systemUTC();
    }

    /** What a new product needs; the tenant is the caller's. */
    public record NewProduct(String sku, String name, String unit, int minimumThreshold, int reorderLevel) {
    }

    @Transactional
    public Product create(String tenantId, NewProduct request) {
        Product product = Product.create(tenantId, request.sku(), request.name(), request.unit(),
                request.minimumThreshold(), request.reorderLevel(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!products.insert(product)) {
            throw new ConflictException("A product with SKU " + product.sku() + " already exists");
        }
        return product;
    }

    @Transactional(readOnly = true)
    public Product get(String tenantId, UUID id) {
        return products.find(tenantId, id).orElseThrow(() -> new NotFoundException("Product", id));
    }

    @Transactional(readOnly = true)
    public List<Product> list(String tenantId) {
        return products.findAll(tenantId);
    }
}
