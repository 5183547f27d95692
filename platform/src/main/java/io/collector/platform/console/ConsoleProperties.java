package io.collector.platform.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code collector.console.services.<name>.url|schema}: where each service answers HTTP and the
 * database schema that holds its outbox and inbox. The platform fills it in for the services it
 * started; a console beside separately run services is given it by configuration.
 */
@ConfigurationProperties("collector.console")
public class ConsoleProperties {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Map<String, Service> services = new LinkedHashMap<>();

    public Map<String, Service> getServices() {
        return services;
    }

    public void setServices(Map<String, Service> services) {
        this.services = services;
    }

    public static class Service {

        private String url;
        private String schema;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getSchema() {
            return schema;
        }

        /** The schema goes into SQL as an identifier, so only a plain lower-case name is accepted. */
        public void setSchema(String schema) {
            if (!SCHEMA.matcher(schema).matches()) {
                throw new IllegalArgumentException("collector.console.services.*.schema must be a plain lower-case"
                        + " identifier, got '" + schema + "'");
            }
            this.schema = schema;
        }
    }
}
