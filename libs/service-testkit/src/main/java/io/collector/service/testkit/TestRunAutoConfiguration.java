package io.collector.service.testkit;

import io.collector.eventbus.inbound.HandlerRegistry;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;

/** Active only with {@code collector.test.cleanup=true}, which {@link TestRun} sets. */
@AutoConfiguration
@ConditionalOnProperty(prefix = "collector.test", name = "cleanup", havingValue = "true")
public class TestRunAutoConfiguration {

    @Bean
    TestRunCleanup testRunCleanup(HandlerRegistry handlers, ObjectProvider<RabbitAdmin> admin, DataSource dataSource,
                                  Environment environment) {
        return new TestRunCleanup(handlers, admin, org.springframework.jdbc.core.simple.JdbcClient.create(dataSource),
                environment.getRequiredProperty("collector.eventbus.schema"));
    }
}
