package io.collector.eventbus.config;

import io.collector.eventbus.EventPublisher;
import io.collector.eventbus.inbound.ConsumerConnection;
import io.collector.eventbus.inbound.EventConsumers;
import io.collector.eventbus.inbound.EventDispatcher;
import io.collector.eventbus.inbound.FailureRouter;
import io.collector.eventbus.inbound.HandlerRegistry;
import io.collector.eventbus.inbound.InboxStore;
import io.collector.eventbus.observability.BacklogMonitor;
import io.collector.eventbus.observability.BrokerHealthIndicator;
import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.eventbus.observability.OutboxHealthIndicator;
import io.collector.eventbus.operations.DeadLetters;
import io.collector.eventbus.operations.OutboxOperations;
import io.collector.eventbus.outbox.CoalescedWrites;
import io.collector.eventbus.outbox.EventBusSchema;
import io.collector.eventbus.outbox.OutboxRelay;
import io.collector.eventbus.outbox.OutboxStore;
import io.collector.eventbus.outbox.OutboxWriter;
import io.collector.eventbus.outbox.RelaySignal;
import io.collector.eventbus.testkit.EventBusTestKit;
import io.collector.eventbus.topology.TopologyDeclarer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;

/**
 * The event bus of one service, active when {@code collector.eventbus.service} is set. With
 * {@code collector.eventbus.broker-enabled=false} nothing touches the broker and an
 * {@link EventBusTestKit} drives the handlers instead.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"},
        beforeName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@ConditionalOnProperty(prefix = "collector.eventbus", name = "service")
@EnableConfigurationProperties(EventBusProperties.class)
public class EventBusAutoConfiguration {

    private static final String DEFAULT_RABBITMQ_URL = "amqp://guest:guest@localhost:5672";

    /** Static: a bean post-processor must exist before the beans it inspects. */
    @Bean
    static HandlerRegistry eventHandlerRegistry(Environment environment) {
        EventBusProperties properties = Binder.get(environment).bind("collector.eventbus", EventBusProperties.class)
                .orElseGet(EventBusProperties::new);
        return new HandlerRegistry(properties.getService(), properties.getRetry().getMaxRetries());
    }

    @Bean
    EventBusSettings eventBusSettings(EventBusProperties properties, Environment environment) {
        if (properties.getRabbitmqUrl() == null) {
            properties.setRabbitmqUrl(URI.create(environment.getProperty("RABBITMQ_URL", DEFAULT_RABBITMQ_URL)));
        }
        if (properties.getExchange() == null) {
            properties.setExchange(environment.getProperty("RABBITMQ_EXCHANGE", "collector-events"));
        }
        properties.validate();
        return new EventBusSettings(properties);
    }

    @Bean
    EventBusMetrics eventBusMetrics(ObjectProvider<MeterRegistry> registry, EventBusSettings settings) {
        return new EventBusMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), settings.properties().getService());
    }

    @Bean
    OutboxStore outboxStore(DataSource dataSource, EventBusSettings settings,
                            ObjectProvider<FlywayMigrationInitializer> serviceMigrations) {
        // The service's own migrations first: Flyway refuses to start on a schema someone else filled.
        serviceMigrations.ifAvailable(initializer -> { });
        EventBusSchema.migrate(dataSource, settings.properties().getSchema());
        return new OutboxStore(JdbcClient.create(dataSource), settings.properties().getSchema());
    }

    @Bean
    RelaySignal relaySignal() {
        return new RelaySignal();
    }

    @Bean
    EventPublisher eventPublisher(OutboxStore store, RelaySignal signal, EventBusSettings settings) {
        return new EventPublisher(new OutboxWriter(store, signal), settings.properties().getSource());
    }

    @Bean
    EventDispatcher eventDispatcher(DataSource dataSource, PlatformTransactionManager transactionManager,
                                    EventBusSettings settings, EventBusMetrics metrics) {
        return new EventDispatcher(new InboxStore(JdbcClient.create(dataSource), settings.properties().getSchema()),
                new TransactionTemplate(transactionManager), metrics);
    }

    /** For operators (the admin API): pending rows and "send now". */
    @Bean
    OutboxOperations outboxOperations(OutboxStore store, DataSource dataSource, RelaySignal signal, EventBusSettings settings) {
        return new OutboxOperations(JdbcClient.create(dataSource), settings.properties().getSchema(), signal);
    }

    @Bean
    OutboxHealthIndicator outboxHealthIndicator(OutboxStore store, EventBusSettings settings) {
        return new OutboxHealthIndicator(store, settings.properties().getOutbox().getMaxPendingAge());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "collector.eventbus", name = "broker-enabled", havingValue = "false")
    static class WithoutBroker {

        @Bean
        EventBusTestKit eventBusTestKit(HandlerRegistry handlers, EventDispatcher dispatcher, OutboxStore outbox) {
            return new EventBusTestKit(handlers, dispatcher, outbox);
        }

        @Bean
        BacklogMonitor eventBusBacklogMonitor(OutboxStore outbox, HandlerRegistry handlers, EventBusMetrics metrics) {
            return new BacklogMonitor(outbox, handlers, null, metrics, Duration.ofSeconds(5));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "collector.eventbus", name = "broker-enabled", havingValue = "true", matchIfMissing = true)
    static class WithBroker {

        /**
         * One connection for the topology, retry and DLQ copies and the admin API, and through
         * {@code usePublisherConnection} a separate one for publishing; the queue consumers have a third
         * ({@link ConsumerConnection}).
         */
        @Bean
        CachingConnectionFactory eventBusConnectionFactory(EventBusSettings settings) {
            EventBusProperties properties = settings.properties();
            CachingConnectionFactory factory = new CachingConnectionFactory(CoalescedWrites.connectionFactory());
            factory.setUri(properties.getRabbitmqUrl());
            factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
            factory.setPublisherReturns(true);
            factory.setChannelCacheSize(25);
            factory.setConnectionNameStrategy(f -> "collector-" + properties.getService());
            return factory;
        }

        @Bean
        RabbitAdmin eventBusRabbitAdmin(CachingConnectionFactory connectionFactory) {
            RabbitAdmin admin = new RabbitAdmin(connectionFactory);
            admin.setAutoStartup(false);
            return admin;
        }

        @Bean
        RabbitTemplate eventBusRabbitTemplate(CachingConnectionFactory connectionFactory) {
            RabbitTemplate template = new RabbitTemplate(connectionFactory);
            template.setMandatory(true);
            template.setUsePublisherConnection(true);
            return template;
        }

        @Bean
        OutboxRelay outboxRelay(OutboxStore store, RelaySignal signal, CachingConnectionFactory connectionFactory,
                                PlatformTransactionManager transactionManager, EventBusMetrics metrics, EventBusSettings settings) {
            return new OutboxRelay(store, signal, connectionFactory.getPublisherConnectionFactory(), new TransactionTemplate(transactionManager),
                    metrics, settings.properties());
        }

        @Bean
        EventConsumers eventConsumers(HandlerRegistry handlers, RabbitAdmin eventBusRabbitAdmin, EventDispatcher dispatcher,
                                      RabbitTemplate eventBusRabbitTemplate, CachingConnectionFactory connectionFactory,
                                      EventBusMetrics metrics, EventBusSettings settings) {
            EventBusProperties properties = settings.properties();
            return new EventConsumers(handlers, new TopologyDeclarer(eventBusRabbitAdmin, properties), dispatcher,
                    new FailureRouter(eventBusRabbitTemplate, properties.getRetry().getPublishTimeout(), metrics),
                    ConsumerConnection.on(connectionFactory.getRabbitConnectionFactory(), "collector-" + properties.getService() + "-consumers"),
                    properties);
        }

        /** For operators (the admin API): browse, replay and discard the messages of this service's DLQs. */
        @Bean
        DeadLetters deadLetters(HandlerRegistry handlers, CachingConnectionFactory connectionFactory,
                                RabbitTemplate eventBusRabbitTemplate, RabbitAdmin eventBusRabbitAdmin, OutboxStore store,
                                DataSource dataSource, EventBusSettings settings) {
            EventBusProperties properties = settings.properties();
            return new DeadLetters(properties.getService(), handlers, connectionFactory.getRabbitConnectionFactory(),
                    eventBusRabbitTemplate, eventBusRabbitAdmin, JdbcClient.create(dataSource), properties.getSchema(),
                    properties.getRetry().getPublishTimeout());
        }

        @Bean
        BacklogMonitor eventBusBacklogMonitor(OutboxStore outbox, HandlerRegistry handlers, RabbitAdmin eventBusRabbitAdmin,
                                              EventBusMetrics metrics) {
            return new BacklogMonitor(outbox, handlers, eventBusRabbitAdmin, metrics, Duration.ofSeconds(5));
        }

        @Bean
        BrokerHealthIndicator eventBusBrokerHealthIndicator(CachingConnectionFactory connectionFactory, EventConsumers consumers) {
            return new BrokerHealthIndicator(connectionFactory, consumers);
        }
    }

    /** The validated properties, with the environment defaults resolved. */
    public record EventBusSettings(EventBusProperties properties) {
    }
}
