package io.collector.procurement;

import io.collector.events.EventEnvelope;
import io.collector.events.payload.StockLow;
import io.collector.service.testkit.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** stock.low → draft purchase order line → approve → receive, over HTTP and the real broker and database. */
class PurchaseOrderIntegrationTests extends ProcurementIntegrationTest {

    final String tenant = newTenant();
    final UUID bolts = UUID.randomUUID();
    final UUID nuts = UUID.randomUUID();
    final UUID main = UUID.randomUUID();
    final UUID annex = UUID.randomUUID();

    @Test
    void stockLowDraftsAPurchaseOrderLineToBringStockAboveTheReorderLevel() {
        StockLow low = stockLow(bolts, main, 5, 20);

        deliver(tenant, low);

        JsonNode line = awaitLines(tenant, bolts, main, 1).get(0);
        assertThat(line.path("quantity").asInt()).isEqualTo(16);
        assertThat(line.path("open").asBoolean()).isTrue();
        assertThat(line.path("productName").asString()).isEqualTo(low.productName());
        assertThat(line.path("sku").asString()).isEqualTo(low.sku());
        assertThat(line.path("warehouseName").asString()).isEqualTo(low.warehouseName());
        assertThat(line.path("orderStatus").asString()).isEqualTo("DRAFT");
        assertThat(line.path("poNumber").asString()).matches("PO-\\d{4}-\\d{3,}");
        assertThat(line.path("supplierId").asString()).as("no supplier supplies it").isEmpty();
        var order = api(tenant).get("/api/purchase-orders/" + line.path("orderId").asString());
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.json().path("lines")).hasSize(1);
        assertThat(purchaseOrders(tenant, "?status=DRAFT").findValuesAsString("id")).contains(line.path("orderId").asString());
        assertThat(purchaseOrders(tenant, "?status=APPROVED")).isEmpty();
    }

    @Test
    void linesGatherOnTheOpenDraftOfTheProductsSupplierOrOnTheDraftWithoutSupplier() {
        UUID unsupplied = UUID.randomUUID();
        String supplier = registerSupplier(tenant, """
                {"name": "Bolt & Nut Ltd", "leadTimeDays": 5, "productIds": ["%s", "%s"]}""".formatted(bolts, nuts));

        deliver(tenant, stockLow(bolts, main, 1, 10));
        deliver(tenant, stockLow(nuts, main, 2, 10));
        deliver(tenant, stockLow(unsupplied, main, 0, 10));

        JsonNode boltsLine = awaitLines(tenant, bolts, main, 1).get(0);
        JsonNode nutsLine = awaitLines(tenant, nuts, main, 1).get(0);
        JsonNode unsuppliedLine = awaitLines(tenant, unsupplied, main, 1).get(0);
        assertThat(boltsLine.path("supplierId").asString()).isEqualTo(supplier);
        assertThat(nutsLine.path("orderId").asString()).isEqualTo(boltsLine.path("orderId").asString());
        assertThat(unsuppliedLine.path("orderId").asString()).isNotEqualTo(boltsLine.path("orderId").asString());
        assertThat(unsuppliedLine.path("supplierId").asString()).isEmpty();
        JsonNode order = api(tenant).get("/api/purchase-orders/" + boltsLine.path("orderId").asString()).json();
        // a queue has two batch threads, so the two stock.low events may be handled in either order
        assertThat(order.path("lines").findValuesAsString("productId")).containsExactlyInAnyOrder(bolts.toString(), nuts.toString());
        assertThat(order.path("lines").findValues("lineNo")).extracting(JsonNode::asInt).containsExactly(1, 2);
    }

    @Test
    void productSuppliedByTwoSuppliersGoesToTheOneWithTheShorterLeadTime() {
        registerSupplier(tenant, """
                {"name": "Slow Ltd", "leadTimeDays": 30, "productIds": ["%s"]}""".formatted(bolts));
        String fast = registerSupplier(tenant, """
                {"name": "Fast Ltd", "leadTimeDays": 2, "productIds": ["%s"]}""".formatted(bolts));

        deliver(tenant, stockLow(bolts, main, 1, 10));

        assertThat(awaitLines(tenant, bolts, main, 1).get(0).path("supplierId").asString()).isEqualTo(fast);
    }

    @Test
    void secondStockLowForTheSameProductAndWarehouseOpensNoSecondLineButMayRaiseTheDraftLine() {
        deliver(tenant, stockLow(bolts, main, 5, 20));
        String orderId = awaitLines(tenant, bolts, main, 1).get(0).path("orderId").asString();

        // Handled in either order (two batch threads): the line takes the larger quantity either way.
        awaitAllHandled(
                deliver(tenant, stockLow(bolts, main, 8, 20)),    // asks for less: nothing changes
                deliver(tenant, stockLow(bolts, main, 2, 20)),    // stock fell further: the draft line grows to 19
                deliver(tenant, stockLow(bolts, annex, 5, 20)));  // another warehouse: its own line

        List<JsonNode> lines = linesFor(tenant, bolts, main);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("orderId").asString()).isEqualTo(orderId);
        assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(19);
        assertThat(openLineCount(tenant, bolts, main)).isEqualTo(1);
        assertThat(linesFor(tenant, bolts, annex)).hasSize(1);
    }

    @Test
    void redeliveredStockLowHasNoSecondEffect() {
        EventEnvelope<StockLow> event = deliver(tenant, stockLow(bolts, main, 5, 20));
        awaitLines(tenant, bolts, main, 1);

        double duplicatesBefore = duplicates("stock.low");

        redeliver(event);
        await().atMost(WAIT).until(() -> duplicates("stock.low") > duplicatesBefore);

        assertThat(linesFor(tenant, bolts, main)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from purchase_order_lines where tenant_id = ? and product_id = ?")
                .params(tenant, bolts).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void afterReceivingANewStockLowOpensANewLineOnANewDraft() {
        deliver(tenant, stockLow(bolts, main, 5, 20));
        String first = awaitLines(tenant, bolts, main, 1).get(0).path("orderId").asString();
        ApiClient api = api(tenant);

        var approved = api.post("/api/purchase-orders/" + first + "/approve", null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        awaitHandled(deliver(tenant, stockLow(bolts, main, 3, 20)));   // still on order (approved): no new line
        assertThat(linesFor(tenant, bolts, main)).hasSize(1);
        assertThat(linesFor(tenant, bolts, main).get(0).path("quantity").asInt()).as("an approved order is not changed").isEqualTo(16);

        var received = api.post("/api/purchase-orders/" + first + "/receive", null);
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.json().path("status").asString()).isEqualTo("RECEIVED");
        assertThat(received.json().path("lines").get(0).path("open").asBoolean()).isFalse();
        assertThat(openLineCount(tenant, bolts, main)).isZero();

        deliver(tenant, stockLow(bolts, main, 4, 20));

        List<JsonNode> lines = awaitLines(tenant, bolts, main, 2);
        JsonNode fresh = lines.stream().filter(l -> !l.path("orderId").asString().equals(first)).findFirst().orElseThrow();
        assertThat(fresh.path("orderStatus").asString()).isEqualTo("DRAFT");
        assertThat(fresh.path("open").asBoolean()).isTrue();
        assertThat(fresh.path("quantity").asInt()).isEqualTo(17);
        assertThat(openLineCount(tenant, bolts, main)).isEqualTo(1);
    }

    @Test
    void cancellingClosesTheLinesToo() {
        deliver(tenant, stockLow(bolts, main, 5, 20));
        String first = awaitLines(tenant, bolts, main, 1).get(0).path("orderId").asString();

        var cancelled = api(tenant).post("/api/purchase-orders/" + first + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        deliver(tenant, stockLow(bolts, main, 5, 20));

        assertThat(awaitLines(tenant, bolts, main, 2)).extracting(l -> l.path("orderStatus").asString())
                .containsExactlyInAnyOrder("CANCELLED", "DRAFT");
    }

    @Test
    void approveAndReceiveFollowTheStatusMachine() {
        deliver(tenant, stockLow(bolts, main, 5, 20));
        String id = awaitLines(tenant, bolts, main, 1).get(0).path("orderId").asString();
        ApiClient api = api(tenant);
        String path = "/api/purchase-orders/" + id;

        var receiveDraft = api.post(path + "/receive", null);
        assertThat(receiveDraft.status()).as("receive a draft").isEqualTo(409);
        assertThat(receiveDraft.json().path("detail").asString()).contains("DRAFT");
        assertThat(api.post(path + "/approve", null).status()).isEqualTo(200);
        assertThat(api.post(path + "/approve", null).status()).as("approve twice").isEqualTo(409);
        assertThat(api.post(path + "/receive", null).status()).isEqualTo(200);
        assertThat(api.post(path + "/receive", null).status()).as("receive twice").isEqualTo(409);
        assertThat(api.post(path + "/approve", null).status()).as("approve a received order").isEqualTo(409);
        assertThat(api.post(path + "/cancel", null).status()).as("cancel a received order").isEqualTo(409);
        JsonNode order = api.get(path).json();
        assertThat(order.path("status").asString()).isEqualTo("RECEIVED");
        assertThat(order.path("approvedAt").isMissingNode()).isFalse();
        assertThat(order.path("receivedAt").isMissingNode()).isFalse();
        assertThat(order.path("cancelledAt").isMissingNode()).isTrue();
    }
}
