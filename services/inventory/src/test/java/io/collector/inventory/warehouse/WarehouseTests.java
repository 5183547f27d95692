package io.collector.inventory.warehouse;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WarehouseTests {

    @Test
    void aTenantsFirstWarehouseIsItsDefaultEvenIfNotAsked() {
        assertThat(Warehouse.create("t", " Main ", false, false, Instant.now()).isDefault()).isTrue();
    }

    @Test
    void aLaterWarehouseIsDefaultOnlyWhenAsked() {
        assertThat(Warehouse.create("t", "Second", false, true, Instant.now()).isDefault()).isFalse();
        assertThat(Warehouse.create("t", "Third", true, true, Instant.now()).isDefault()).isTrue();
    }

    @Test
    void nameIsTrimmed() {
        assertThat(Warehouse.create("t", " Main ", false, false, Instant.now()).name()).isEqualTo("Main");
    }
}
