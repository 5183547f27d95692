package io.collector.inventory.stock.web;

import io.collector.inventory.stock.DispatchDiscrepancy;
import io.collector.inventory.stock.Reservation;
import io.collector.inventory.stock.StockManagement;
import io.collector.inventory.stock.StockRow;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
class StockController {

    private final StockManagement stock;

    StockController(StockManagement stock) {
        this.stock = stock;
    }

    record GoodsReceiptRequest(
            @NotNull UUID productId,
            @NotNull UUID warehouseId,
            @NotNull @Positive @Max(1_000_000_000) Integer quantity,
            @Size(max = 200) String reference) {
    }

    /** A product's stock in one warehouse. */
    record StockRowResponse(UUID productId, String sku, String productName, UUID warehouseId, String warehouseName,
                            boolean defaultWarehouse, int onHand, int reserved, int available, int shortfall,
                            int minimumThreshold, int reorderLevel, boolean belowReorderLevel) {
        static StockRowResponse of(StockRow row) {
            return new StockRowResponse(row.productId(), row.sku(), row.productName(), row.warehouseId(),
                    row.warehouseName(), row.defaultWarehouse(), row.onHand(), row.reserved(), row.available(),
                    row.shortfall(), row.minimumThreshold(), row.reorderLevel(), row.belowReorderLevel());
        }
    }

    record GoodsReceiptResponse(UUID id, UUID productId, UUID warehouseId, int quantity, String reference,
                                Instant receivedAt, StockRowResponse stock) {
    }

    record ReservationResponse(UUID orderId, UUID productId, UUID warehouseId, int quantity, int reserved,
                               int shortfall, int dispatched, int dispatchedElsewhere, Instant createdAt) {
        static ReservationResponse of(Reservation r) {
            return new ReservationResponse(r.orderId(), r.productId(), r.warehouseId(), r.quantity(), r.reserved(),
                    r.shortfall(), r.dispatched(), r.dispatchedElsewhere(), r.createdAt());
        }
    }

    @PostMapping("/api/stock/receipts")
    ResponseEntity<GoodsReceiptResponse> receive(@Valid @RequestBody GoodsReceiptRequest request) {
        StockManagement.Receipt received = stock.receive(CurrentTenant.id(), request.productId(), request.warehouseId(),
                request.quantity(), request.reference(), CurrentTenant.user());
        var receipt = received.receipt();
        return ResponseEntity.created(URI.create("/api/stock?productId=" + receipt.productId()))
                .body(new GoodsReceiptResponse(receipt.id(), receipt.productId(), receipt.warehouseId(), receipt.quantity(),
                        receipt.reference(), receipt.receivedAt(), StockRowResponse.of(received.stock())));
    }

    /**
     * With {@code productId}: one row per warehouse of the tenant (zeros where the product never moved),
     * 404 if the tenant has no such product. Without: every product and warehouse that has stock.
     */
    @GetMapping("/api/stock")
    List<StockRowResponse> stock(@RequestParam(required = false) UUID productId) {
        String tenant = CurrentTenant.id();
        List<StockRow> rows = productId == null ? stock.allStock(tenant) : stock.stockOf(tenant, productId);
        return rows.stream().map(StockRowResponse::of).toList();
    }

    @GetMapping("/api/stock/reservations")
    List<ReservationResponse> reservations(@RequestParam UUID orderId) {
        return stock.reservationsOf(CurrentTenant.id(), orderId).stream().map(ReservationResponse::of).toList();
    }

    @GetMapping("/api/stock/discrepancies")
    List<DispatchDiscrepancy> discrepancies() {
        return stock.discrepancies(CurrentTenant.id());
    }
}
