package io.collector.service.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentCheckTests {

    @Test
    void acceptsAnEnvironmentWithoutCollectorVariables() {
        assertThat(EnvironmentCheck.problems(new MockEnvironment())).isEmpty();
    }

    @Test
    void acceptsWellFormedVariables() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("DATABASE_URL", "jdbc:postgresql://db.internal:5432/collector?sslmode=require")
                .withProperty("RABBITMQ_URL", "amqps://collector:secret@rabbit.internal:5671/prod")
                .withProperty("RABBITMQ_EXCHANGE", "collector.events")
                .withProperty("COLLECTOR_JWT_SECRET", "a-secret-of-at-least-thirty-two-bytes!")
                .withProperty("spring.application.name", "orders")
                .withProperty("ORDERS_PORT", "8082");
        assertThat(EnvironmentCheck.problems(environment)).isEmpty();
    }

    @Test
    void namesEveryBadVariableWithWhatItMustBe() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("DATABASE_URL", "postgres://localhost/collector")
                .withProperty("RABBITMQ_URL", "http://guest:hunter2@localhost:5672")
                .withProperty("RABBITMQ_EXCHANGE", "amq.topic")
                .withProperty("COLLECTOR_JWT_SECRET", "short")
                .withProperty("spring.application.name", "orders")
                .withProperty("ORDERS_PORT", "eighty");

        assertThat(EnvironmentCheck.problems(environment)).satisfiesExactly(
                database -> assertThat(database).startsWith("DATABASE_URL must be a PostgreSQL JDBC URL")
                        .contains("'postgres://localhost/collector'"),
                rabbit -> assertThat(rabbit).startsWith("RABBITMQ_URL must be an amqp://")
                        .contains("guest:****@").doesNotContain("hunter2"),
                exchange -> assertThat(exchange).startsWith("RABBITMQ_EXCHANGE").contains("'amq.topic'"),
                secret -> assertThat(secret).isEqualTo("COLLECTOR_JWT_SECRET must be at least 32 bytes long (HS256), it has 5"),
                port -> assertThat(port).isEqualTo("ORDERS_PORT must be a port number from 0 to 65535, was 'eighty'"));
    }

    @Test
    void aLauncherOfSeveralApplicationsHearsOfEveryBadPortAtOnce() {
        MockEnvironment environment = new MockEnvironment().withProperty("ORDERS_PORT", "8082")
                .withProperty("CONSOLE_PORT", "99999").withProperty("HR_PORT", "");

        assertThatThrownBy(() -> EnvironmentCheck.check(environment, java.util.List.of("orders", "hr", "console")))
                .isInstanceOfSatisfying(InvalidEnvironmentException.class, e -> assertThat(e.problems()).containsExactly(
                        "HR_PORT must be a port number from 0 to 65535, was ''",
                        "CONSOLE_PORT must be a port number from 0 to 65535, was '99999'"));
    }

    @Test
    void aBadVariableStopsTheStartBeforeAnythingConnectsAndBootExplainsIt() {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--DATABASE_URL=jdbc:mysql://localhost/collector"))
                .isInstanceOfSatisfying(InvalidEnvironmentException.class, e -> {
                    assertThat(e.problems()).singleElement().asString().startsWith("DATABASE_URL must be");
                    FailureAnalysis analysis = new InvalidEnvironmentFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).contains("  - DATABASE_URL must be a PostgreSQL JDBC URL");
                    assertThat(analysis.getAction()).contains("Fix or unset them");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
