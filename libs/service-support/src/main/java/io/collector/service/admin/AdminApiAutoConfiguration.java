package io.collector.service.admin;

import io.collector.eventbus.config.EventBusAutoConfiguration;
import io.collector.eventbus.operations.DeadLetters;
import io.collector.eventbus.operations.OutboxOperations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The admin API, in every servlet service whose event bus is active. Without a broker
 * ({@code broker-enabled=false}) only the outbox part works; the dead-letter endpoints find no queue.
 */
@AutoConfiguration(after = EventBusAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(OutboxOperations.class)
public class AdminApiAutoConfiguration {

    /** Unless component scanning found it already (an application class in {@code io.collector.service}). */
    @Bean
    @ConditionalOnMissingBean
    AdminController eventBusAdminController(ObjectProvider<OutboxOperations> outbox, ObjectProvider<DeadLetters> deadLetters) {
        return new AdminController(outbox, deadLetters);
    }
}
