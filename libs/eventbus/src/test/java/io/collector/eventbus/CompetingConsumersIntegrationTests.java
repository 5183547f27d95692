package io.collector.eventbus;

import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.events.EventType;
import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two instances of one service on the same queues, inbox and outbox: scaling out without doubling anything. */
class CompetingConsumersIntegrationTests extends BusIntegrationTest {

    private static final int EVENTS = 400;

    @Autowired EventBusMetrics metrics;

    @Test
    void twoInstancesShareAStreamAndHandleEachEventOnceInEffect() {
        String tenant = newTenant();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(BusTestApplication.class)
                .web(WebApplicationType.NONE)
                .run("--collector.eventbus.service=" + SERVICE, "--collector.eventbus.schema=" + SCHEMA,
                        "--collector.eventbus.exchange=" + EXCHANGE, "--bustest.cleanup=false",
                        "--spring.main.banner-mode=off")) {
            EventBusMetrics secondMetrics = second.getBean(EventBusMetrics.class);
            double firstBefore = consumed(metrics);
            double secondBefore = consumed(secondMetrics);

            for (int batch = 0; batch < EVENTS / 50; batch++) {
                transaction.executeWithoutResult(status -> {
                    for (int i = 0; i < 50; i++) {
                        publisher.publish(example(EventType.INVOICE_ISSUED, tenant));
                    }
                });
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> effects.distinctByTenant(tenant) == EVENTS);
            assertThat(effects.countByTenant(tenant)).as("effects, counting doubles").isEqualTo(EVENTS);
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingOutboxRows() == 0);
            double byFirst = consumed(metrics) - firstBefore;
            double bySecond = consumed(secondMetrics) - secondBefore;
            assertThat(byFirst + bySecond).isEqualTo(EVENTS);
            assertThat(bySecond).as("the second instance took its share").isPositive();
            assertThat(byFirst).as("the first instance took its share").isPositive();
        }
    }

    private static double consumed(EventBusMetrics metrics) {
        return metrics.registry().find("collector.events.consumed").tag("consumer", queueOf(EventType.INVOICE_ISSUED))
                .counters().stream().mapToDouble(Counter::count).sum();
    }
}
