package io.collector.platform.demo;

import io.collector.eventbus.inbound.HandlerRegistry;
import io.collector.events.EventType;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A stand-in for one Collector service until the real ones exist: its own context, schema and
 * queues, with a handler for each event the spec's table gives it that records what it consumed.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class DemoService {

    @Bean
    SmartInitializingSingleton demoHandlers(HandlerRegistry registry, ConsumptionLog consumptions,
                                            @Value("${demo.service}") String service) {
        return () -> {
            for (EventType type : EventType.values()) {
                if (type.consumers().contains(service)) {
                    registry.register(type, -1, event -> consumptions.consumed(service, event));
                }
            }
        };
    }
}
