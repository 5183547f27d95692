package io.collector.inventory.product.web;

import io.collector.inventory.product.Product;
import io.collector.inventory.product.ProductManagement;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ProductManagement products;

    ProductController(ProductManagement products) {
        this.products = products;
    }

    record CreateProductRequest(
            @NotBlank @Size(max = 64) String sku,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 32) String unit,
            @NotNull @PositiveOrZero @Max(1_000_000_000) Integer minimumThreshold,
            @NotNull @PositiveOrZero @Max(1_000_000_000) Integer reorderLevel) {
    }

    record ProductResponse(UUID id, String sku, String name, String unit, int minimumThreshold, int reorderLevel,
                           Instant createdAt) {
        static ProductResponse of(Product p) {
            return new ProductResponse(p.id(), p.sku(), p.name(), p.unit(), p.minimumThreshold(), p.reorderLevel(),
                    p.createdAt());
        }
    }

    @PostMapping
    ResponseEntity<ProductResponse> create(@Valid @RequestBody CreateProductRequest request) {
        Product product = products.create(CurrentTenant.id(), new ProductManagement.NewProduct(request.sku(),
                request.name(), request.unit(), request.minimumThreshold(), request.reorderLevel()));
        return ResponseEntity.created(URI.create("/api/products/" + product.id())).body(ProductResponse.of(product));
    }

    @GetMapping
    List<ProductResponse> list() {
        return products.list(CurrentTenant.id()).stream().map(ProductResponse::of).toList();
    }

    @GetMapping("/{id}")
    ProductResponse get(@PathVariable UUID id) {
        return ProductResponse.of(products.get(CurrentTenant.id(), id));
    }
}
