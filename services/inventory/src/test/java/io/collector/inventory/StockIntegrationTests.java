package io.collector.inventory;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.collector.inventory.CatalogIntegrationTests.fields;
import static org.assertj.core.api.Assertions.assertThat;

/** Goods receipts and stock levels over HTTP. */
class StockIntegrationTests extends InventoryIntegrationTest {

    @Test
    void goodsReceiptShowsInTheStockOfItsWarehouse() {
        String tenant = newTenant();
        UUID product = createProduct(tenant, "SKU-R", 2, 5);
        UUID main = createWarehouse(tenant, "Main", false);
        UUID other = createWarehouse(tenant, "Other", false);

        var receipt = api(tenant).post("/api/stock/receipts", """
                {"productId": "%s", "warehouseId": "%s", "quantity": 10, "reference": "PO-7"}""".formatted(product, main));

        assertThat(receipt.status()).isEqualTo(201);
        assertThat(receipt.json().path("reference").asString()).isEqualTo("PO-7");
        assertThat(receipt.json().path("stock").path("onHand").asInt()).isEqualTo(10);
        JsonNode rows = api(tenant).get("/api/stock?productId=" + product).json();
        assertThat(rows).hasSize(2);
        JsonNode inMain = stock(tenant, product, main);
        assertThat(inMain.path("onHand").asInt()).isEqualTo(10);
        assertThat(inMain.path("reserved").asInt()).isZero();
        assertThat(inMain.path("available").asInt()).isEqualTo(10);
        assertThat(inMain.path("shortfall").asInt()).isZero();
        assertThat(inMain.path("sku").asString()).isEqualTo("SKU-R");
        assertThat(inMain.path("warehouseName").asString()).isEqualTo("Main");
        assertThat(inMain.path("belowReorderLevel").asBoolean()).isFalse();
        JsonNode inOther = stock(tenant, product, other);
        assertThat(inOther.path("onHand").asInt()).isZero();
        assertThat(inOther.path("available").asInt()).isZero();

        receive(tenant, product, main, 5);
        assertThat(stock(tenant, product, main).path("onHand").asInt()).isEqualTo(15);
        assertThat(api(tenant).get("/api/stock").json()).as("rows that moved").hasSize(1);
    }

    @Test
    void concurrentReceiptsLoseNoUpdate() {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID warehouse = createWarehouse(tenant, "Main", false);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Integer>> receipts = IntStream.rangeClosed(1, 24)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api(tenant).post("/api/stock/receipts", """
                            {"productId": "%s", "warehouseId": "%s", "quantity": %d}""".formatted(product, warehouse, i))
                            .status(), pool))
                    .toList();
            assertThat(receipts.stream().map(CompletableFuture::join)).containsOnly(201);
        } finally {
            pool.shutdownNow();
        }

        assertThat(stock(tenant, product, warehouse).path("onHand").asInt()).isEqualTo(24 * 25 / 2);
    }

    @Test
    void invalidReceiptIsRejectedWithItsFieldPathsAndNothingIsWritten() {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID warehouse = createWarehouse(tenant, "Main", false);

        var missingAndZero = api(tenant).post("/api/stock/receipts", """
                {"productId": "%s", "quantity": 0}""".formatted(product));
        var fraction = api(tenant).post("/api/stock/receipts", """
                {"productId": "%s", "warehouseId": "%s", "quantity": 1.5}""".formatted(product, warehouse));
        var unknownWarehouse = api(tenant).post("/api/stock/receipts", """
                {"productId": "%s", "warehouseId": "%s", "quantity": 3}""".formatted(product, UUID.randomUUID()));

        assertThat(missingAndZero.status()).isEqualTo(400);
        assertThat(fields(missingAndZero.json())).containsExactlyInAnyOrder("warehouseId", "quantity");
        assertThat(fraction.status()).as(fraction.toString()).isEqualTo(400);
        assertThat(unknownWarehouse.status()).isEqualTo(404);
        assertThat(api(tenant).get("/api/stock").json()).isEmpty();
        assertThat(stock(tenant, product, warehouse).path("onHand").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from goods_receipts where tenant_id = :t").param("t", tenant)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void stockOfAnUnknownProductIsNotFound() {
        assertThat(api(newTenant()).get("/api/stock?productId=" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api(newTenant()).get("/api/stock?productId=not-a-uuid").status()).isEqualTo(400);
    }
}
