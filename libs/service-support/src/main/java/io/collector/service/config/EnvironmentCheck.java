package io.collector.service.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the environment variables Collector is configured with before anything connects, and
 * stops the start with every bad one named, instead of a stack trace from the first connection
 * that fails. Unset variables are fine: each has a default.
 */
public class EnvironmentCheck implements EnvironmentPostProcessor, Ordered {

    private static final Pattern JDBC_POSTGRESQL = Pattern.compile("jdbc:postgresql://[^/?#\\s]+/[^/?#\\s]+(\\?\\S*)?");
    private static final Pattern EXCHANGE = Pattern.compile("[A-Za-z0-9._:-]{1,255}");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new InvalidEnvironmentException(problems);
        }
    }

    /** After the config files are read, so that the application's name (and with it its port variable) is known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** For a launcher of several applications: every problem of theirs at once, before the first starts. */
    public static void check(Environment environment, Collection<String> applications) {
        List<String> problems = problems(environment);
        applications.forEach(application -> portProblem(environment, application).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw new InvalidEnvironmentException(problems);
        }
    }

    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        String databaseUrl = environment.getProperty("DATABASE_URL");
        if (databaseUrl != null && !JDBC_POSTGRESQL.matcher(databaseUrl).matches()) {
            problems.add("DATABASE_URL must be a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/collector,"
                    + " was '" + databaseUrl + "'");
        }
        String rabbitmqUrl = environment.getProperty("RABBITMQ_URL");
        if (rabbitmqUrl != null && !isAmqpUrl(rabbitmqUrl)) {
            problems.add("RABBITMQ_URL must be an amqp:// or amqps:// URL with a host, such as"
                    + " amqp://guest:guest@localhost:5672, was '" + withoutPassword(rabbitmqUrl) + "'");
        }
        String exchange = environment.getProperty("RABBITMQ_EXCHANGE");
        if (exchange != null && (!EXCHANGE.matcher(exchange).matches() || exchange.startsWith("amq."))) {
            problems.add("RABBITMQ_EXCHANGE must be 1 to 255 letters, digits, '.', '_', ':' or '-' and must not start"
                    + " with 'amq.' (reserved by RabbitMQ), was '" + exchange + "'");
        }
        String secret = environment.getProperty("COLLECTOR_JWT_SECRET");
        if (secret != null && !secret.isBlank() && secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            problems.add("COLLECTOR_JWT_SECRET must be at least 32 bytes long (HS256), it has "
                    + secret.getBytes(StandardCharsets.UTF_8).length);
        }
        String application = environment.getProperty("spring.application.name");
        if (application != null) {
            portProblem(environment, application).ifPresent(problems::add);
        }
        return problems;
    }

    /** {@code orders} listens on {@code ORDERS_PORT}. */
    private static Optional<String> portProblem(Environment environment, String application) {
        String variable = application.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
        String port = environment.getProperty(variable);
        return port == null || isPort(port) ? Optional.empty()
                : Optional.of(variable + " must be a port number from 0 to 65535, was '" + port + "'");
    }

    private static boolean isAmqpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("amqp".equals(uri.getScheme()) || "amqps".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A URL as it may be shown in a log: its password replaced. */
    static String withoutPassword(String url) {
        return url.replaceFirst("://([^:/@]*):[^@/]*@", "://$1:****@");
    }

    private static boolean isPort(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            return port >= 0 && port <= 65_535;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
