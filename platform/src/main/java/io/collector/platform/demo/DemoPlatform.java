package io.collector.platform.demo;

import io.collector.eventbus.EventPublisher;
import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.events.EventEnvelope;
import io.collector.events.EventExamples;
import io.collector.events.EventReader;
import io.collector.events.EventType;
import io.micrometer.core.instrument.Counter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ten services of the spec's table as demo stand-ins, each in its own context, in one JVM. */
class DemoPlatform implements AutoCloseable {

    private final ConsumptionLog consumptions = new ConsumptionLog();
    private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
    private final Map<String, String> settings;

    /** @param settings properties for every service context (datasource, exchange, ...) */
    DemoPlatform(Map<String, String> settings) {
        this.settings = settings;
    }

    /** Every service that produces or consumes an event of the catalog. */
    static Set<String> serviceNames() {
        Set<String> names = new LinkedHashSet<>();
        for (EventType type : EventType.values()) {
            names.add(type.producer());
            names.addAll(type.consumers());
        }
        return names;
    }

    void start(String service) {
        Map<String, Object> properties = new LinkedHashMap<>(settings);
        // Stand-ins get names of their own, so they never share queues or tables with the real services.
        properties.put("collector.eventbus.service", "demo-" + service);
        properties.put("collector.eventbus.schema", "demo_" + service);
        properties.put("collector.eventbus.source", service + "-service");
        // Throw-away queues: gone ten minutes after the demo, instead of holding broker resources for ever.
        properties.put("collector.eventbus.queue-expires", "10m");
        properties.put("demo.service", service);
        properties.put("spring.application.name", service);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DemoService.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(properties)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("consumptionLog", consumptions))
                .run();
        services.put(service, context);
    }

    ConsumptionLog consumptions() {
        return consumptions;
    }

    /** Publishes the spec's example of {@code type} from its producer, for {@code tenantId}. */
    EventEnvelope<?> publishExample(EventType type, String tenantId) {
        ConfigurableApplicationContext producer = services.get(type.producer());
        EventEnvelope<?> example = EventReader.read(EventExamples.load(type));
        TransactionTemplate transaction = producer.getBean(TransactionTemplate.class);
        // Noted before the commit: once committed, the event can be consumed before execute() even returns.
        return transaction.execute(status -> {
            EventEnvelope<?> published = producer.getBean(EventPublisher.class).publish(tenantId, example.data());
            consumptions.published(published);
            return published;
        });
    }

    /** Sum of a bus counter over all services, e.g. {@code collector.events.dead_lettered}. */
    double total(String counterName) {
        double total = 0;
        for (ConfigurableApplicationContext context : services.values()) {
            for (Counter counter : context.getBean(EventBusMetrics.class).registry().find(counterName).counters()) {
                total += counter.count();
            }
        }
        return total;
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> contexts = new ArrayList<>(services.values());
        java.util.Collections.reverse(contexts);
        contexts.forEach(ConfigurableApplicationContext::close);
        services.clear();
    }
}
