package io.collector.inventory;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Products and warehouses over HTTP. */
class CatalogIntegrationTests extends InventoryIntegrationTest {

    @Test
    void createdProductCanBeReadAndListed() {
        String tenant = newTenant();

        var created = api(tenant).post("/api/products", """
                {"sku": "SKU-1", "name": "Widget", "unit": "pcs", "minimumThreshold": 10, "reorderLevel": 20}""");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        var read = api(tenant).get("/api/products/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("sku").asString()).isEqualTo("SKU-1");
        assertThat(read.json().path("name").asString()).isEqualTo("Widget");
        assertThat(read.json().path("unit").asString()).isEqualTo("pcs");
        assertThat(read.json().path("minimumThreshold").asInt()).isEqualTo(10);
        assertThat(read.json().path("reorderLevel").asInt()).isEqualTo(20);
        assertThat(read.json().path("createdAt").asString()).isEqualTo(created.json().path("createdAt").asString());
        assertThat(ids(api(tenant).get("/api/products").json())).containsExactly(id);
    }

    @Test
    void aSecondProductWithTheSameSkuIsAConflict() {
        String tenant = newTenant();
        createProduct(tenant, "SKU-DUP", 0, 5);

        var again = api(tenant).post("/api/products", """
                {"sku": "SKU-DUP", "name": "Other", "unit": "pcs", "minimumThreshold": 0, "reorderLevel": 1}""");

        assertThat(again.status()).isEqualTo(409);
        assertThat(api(tenant).get("/api/products").json()).hasSize(1);
        assertThat(api(newTenant()).post("/api/products", """
                {"sku": "SKU-DUP", "name": "Other", "unit": "pcs", "minimumThreshold": 0, "reorderLevel": 1}""").status())
                .as("SKUs are unique per tenant only").isEqualTo(201);
    }

    @Test
    void invalidProductIsRejectedWithItsFieldPathsAndNothingIsWritten() {
        String tenant = newTenant();

        var response = api(tenant).post("/api/products", """
                {"sku": " ", "name": "Widget", "unit": "pcs", "reorderLevel": -1}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.json())).containsExactlyInAnyOrder("sku", "minimumThreshold", "reorderLevel");
        assertThat(api(tenant).get("/api/products").json()).isEmpty();
    }

    @Test
    void unknownProductIsNotFound() {
        var response = api(newTenant()).get("/api/products/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("title").asString()).isEqualTo("Not found");
    }

    @Test
    void firstWarehouseIsTheDefaultUntilAnotherIsMarkedDefault() {
        String tenant = newTenant();

        UUID main = createWarehouse(tenant, "Main", false);
        UUID second = createWarehouse(tenant, "Second", false);
        assertThat(api(tenant).get("/api/warehouses/" + main).json().path("isDefault").asBoolean()).isTrue();
        assertThat(api(tenant).get("/api/warehouses/" + second).json().path("isDefault").asBoolean()).isFalse();

        UUID third = createWarehouse(tenant, "Third", true);

        JsonNode all = api(tenant).get("/api/warehouses").json();
        assertThat(ids(all)).containsExactly(main.toString(), second.toString(), third.toString());
        assertThat(StreamSupport.stream(all.spliterator(), false).filter(w -> w.path("isDefault").asBoolean())
                .map(w -> w.path("id").asString())).containsExactly(third.toString());
    }

    @Test
    void invalidOrDuplicateWarehouseIsRejectedAndNothingIsWritten() {
        String tenant = newTenant();

        var blank = api(tenant).post("/api/warehouses", """
                {"name": "", "isDefault": true}""");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(fields(blank.json())).containsExactly("name");
        assertThat(api(tenant).get("/api/warehouses").json()).isEmpty();

        UUID main = createWarehouse(tenant, "Main", false);
        var duplicate = api(tenant).post("/api/warehouses", """
                {"name": "Main", "isDefault": true}""");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(ids(api(tenant).get("/api/warehouses").json())).containsExactly(main.toString());
        assertThat(api(tenant).get("/api/warehouses/" + main).json().path("isDefault").asBoolean())
                .as("the refused warehouse did not take the default away").isTrue();
    }

    static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("id").asString()).toList();
    }

    static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false).map(e -> e.path("field").asString()).toList();
    }
}
