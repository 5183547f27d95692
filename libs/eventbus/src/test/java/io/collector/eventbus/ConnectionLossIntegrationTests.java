package io.collector.eventbus;

import io.collector.events.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConnectionLossIntegrationTests extends BusIntegrationTest {

    private static final int EVENTS = 1000;
    private static final int PER_TRANSACTION = 50;

    @Test
    void everyEventIsConsumedOnceInEffectWhenBrokerConnectionsCloseMidStream() throws Exception {
        String tenant = newTenant();

        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
            for (int batch = 0; batch < EVENTS / PER_TRANSACTION; batch++) {
                transaction.executeWithoutResult(status -> {
                    for (int i = 0; i < PER_TRANSACTION; i++) {
                        publisher.publish(example(EventType.ORDER_CREATED, tenant));
                    }
                });
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> effects.distinctByTenant(tenant) >= 100);

        rabbitmqctl("close_all_connections", "Collector test: connections closed mid-stream");

        producing.get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(120)).until(() -> effects.distinctByTenant(tenant) == EVENTS);
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingRows(tenant) == 0);
        assertThat(effects.countByTenant(tenant)).as("effects, counting doubles").isEqualTo(EVENTS);
    }

    private long pendingRows(String tenant) {
        return jdbc.sql("select count(*) from " + SCHEMA + ".outbox where status = 'PENDING' and tenant_id = ?")
                .param(tenant).query(Long.class).single();
    }
}
