package io.collector.events.asyncapi;

import io.collector.events.EventExamples;
import io.collector.events.EventJson;
import io.collector.events.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event catalog ({@link EventType}) as an AsyncAPI 3.0 document: one server (the broker), one
 * channel per event type (address = routing key on the {@code collector-events} topic exchange), one
 * message per type whose payload is that type's JSON Schema, a {@code send} operation for its producer
 * and a {@code receive} operation for each subscribing service. Framework-free; deterministic output,
 * so the committed {@code docs/asyncapi.yaml} can be compared with it byte for byte.
 *
 * <p>The schemas are inlined in the AsyncAPI schema format (a JSON Schema draft-07 superset): the shared
 * definitions of {@code defs.schema.json} and the envelope become {@code components/schemas}, file
 * references become document references, and a {@code $ref} with sibling keywords (which draft-07
 * ignores) becomes an {@code allOf}. {@code $schema}, {@code $id} and the validator-specific
 * {@code errorMessage} are left out; the jar's schemas stay the source of truth.
 *
 * <p>Regenerate: {@code mvn -B -o test -pl libs/events -Dtest=AsyncApiDocumentTests -Dasyncapi.regenerate=true},
 * or run {@link #main(String[])} with the target path.
 */
public final class AsyncApiDocument {

    /** Where the document is committed, relative to the repository root. */
    public static final String DEFAULT_PATH = "docs/asyncapi.yaml";

    static final String ASYNCAPI_VERSION = "3.0.0";
    static final String DOCUMENT_VERSION = "0.1.0";
    static final String EXCHANGE = "collector-events";
    static final String AMQP_BINDING_VERSION = "0.3.0";

    private static final String SCHEMAS = "io/collector/events/schemas/";

    /**
     * Subscriptions the services have beyond the spec's integration table, which {@link EventType#consumers()}
     * reproduces on purpose (a test holds it to the spec). Each is an {@code @EventHandler} of that service,
     * hence a queue {@code <service>.<type>}. Keep in step with the services' handlers.
     */
    static final Map<EventType, List<String>> EXTRA_SUBSCRIPTIONS = extraSubscriptions();

    private static Map<EventType, List<String>> extraSubscriptions() {
        Map<EventType, List<String>> extra = new LinkedHashMap<>();
        // Delivery keeps the order lines and warehouses of order.created for its delivery notes;
        // Invoices keeps the order's prices for the invoice it issues on delivery.confirmed.
        extra.put(EventType.ORDER_CREATED, List.of("delivery", "invoices"));
        // CRM records what a customer was billed (the spec gives it only invoice.paid).
        extra.put(EventType.INVOICE_ISSUED, List.of("crm"));
        // Accounting posts the payment against the receivable (the spec gives it only invoice.issued).
        extra.put(EventType.INVOICE_PAID, List.of("accounting"));
        return Collections.unmodifiableMap(extra);
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AsyncApiDocument() {
    }

    /** The services that subscribe to {@code type}: the spec's consumers, then the extra subscriptions. */
    public static List<String> subscribers(EventType type) {
        List<String> all = new ArrayList<>(type.consumers());
        EXTRA_SUBSCRIPTIONS.getOrDefault(type, List.of()).stream().filter(s -> !all.contains(s)).forEach(all::add);
        return List.copyOf(all);
    }

    /** The document as a tree. */
    public static ObjectNode tree() {
        ObjectNode doc = NODES.objectNode();
        doc.put("asyncapi", ASYNCAPI_VERSION);
        ObjectNode info = doc.putObject("info");
        info.put("title", "Collector events");
        info.put("version", DOCUMENT_VERSION);
        info.put("description", "The events Collector's services exchange over one RabbitMQ topic exchange "
                + "(docs/spec/event-integration.md). Generated from io.collector.events.EventType by "
                + AsyncApiDocument.class.getName() + "; do not edit by hand. Delivery is at-least-once: "
                + "consumers deduplicate by eventId (inbox). Each subscribing service has one durable quorum queue "
                + "per event, <service>.<type>, with delay queues <queue>.retry.N and a dead-letter queue <queue>.dlq.");
        doc.put("defaultContentType", "application/json");

        ObjectNode server = doc.putObject("servers").putObject("rabbitmq");
        server.put("host", "rabbitmq:5672");
        server.put("protocol", "amqp");
        server.put("protocolVersion", "0.9.1");
        server.put("description", "The broker given by RABBITMQ_URL; the exchange by RABBITMQ_EXCHANGE (default "
                + EXCHANGE + ").");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode messages = components.putObject("messages");

        schemas.set("envelope", convert(resource("envelope.schema.json")));
        resource("defs.schema.json").get("$defs").properties()
                .forEach(def -> schemas.set(def.getKey(), convert(def.getValue())));

        for (EventType type : EventType.values()) {
            String id = camel(type.wireName());
            JsonNode schema = resource(type.wireName() + ".schema.json");

            ObjectNode message = messages.putObject(id);
            message.put("name", type.wireName());
            message.put("title", type.wireName());
            message.put("summary", schema.path("description").asString());
            message.put("contentType", "application/json");
            message.putObject("correlationId").put("location", "$message.payload#/correlationId");
            message.set("headers", amqpHeaders());
            message.set("payload", convert(schema));
            message.putObject("bindings").putObject("amqp")
                    .put("messageType", type.wireName())
                    .put("bindingVersion", AMQP_BINDING_VERSION);
            ObjectNode example = message.putArray("examples").addObject();
            example.put("name", type.wireName());
            example.set("payload", EventJson.parse(EventExamples.load(type)));

            ObjectNode channel = channels.putObject(id);
            channel.put("address", type.wireName());
            channel.put("title", type.wireName());
            channel.put("description", "Routing key " + type.wireName() + " on the " + EXCHANGE
                    + " exchange. Producer: " + type.producer() + "; subscribers: " + String.join(", ", subscribers(type)) + ".");
            channel.putArray("servers").addObject().put("$ref", "#/servers/rabbitmq");
            channel.putObject("messages").putObject(id).put("$ref", "#/components/messages/" + id);
            ObjectNode exchange = channel.putObject("bindings").putObject("amqp")
                    .put("is", "routingKey")
                    .putObject("exchange");
            exchange.put("name", EXCHANGE).put("type", "topic").put("durable", true).put("autoDelete", false).put("vhost", "/");
            ((ObjectNode) channel.get("bindings").get("amqp")).put("bindingVersion", AMQP_BINDING_VERSION);

            ObjectNode send = operations.putObject(type.producer() + "_send_" + id);
            send.put("action", "send");
            send.put("summary", type.producer() + " publishes " + type.wireName() + " (transactional outbox, publisher confirms).");
            send.putObject("channel").put("$ref", "#/channels/" + id);
            send.putArray("messages").addObject().put("$ref", "#/channels/" + id + "/messages/" + id);
            send.putObject("bindings").putObject("amqp")
                    .put("deliveryMode", 2).put("mandatory", true).put("timestamp", true)
                    .put("bindingVersion", AMQP_BINDING_VERSION);
            send.put("x-service", type.producer());

            for (String subscriber : subscribers(type)) {
                String queue = subscriber + "." + type.wireName();
                ObjectNode receive = operations.putObject(subscriber + "_receive_" + id);
                receive.put("action", "receive");
                receive.put("summary", subscriber + " consumes " + type.wireName() + " from queue " + queue
                        + (type.consumers().contains(subscriber) ? "." : " (a subscription beyond the spec's table)."));
                receive.putObject("channel").put("$ref", "#/channels/" + id);
                receive.putArray("messages").addObject().put("$ref", "#/channels/" + id + "/messages/" + id);
                receive.putObject("bindings").putObject("amqp").put("ack", true).put("bindingVersion", AMQP_BINDING_VERSION);
                receive.put("x-service", subscriber);
                receive.put("x-queue", queue);
                receive.put("x-dead-letter-queue", queue + ".dlq");
            }
        }
        return doc;
    }

    /** The document as YAML, as committed. */
    public static String yaml() {
        YAMLMapper yaml = YAMLMapper.builder()
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)   // "1500.00" must stay a string
                .disable(YAMLWriteFeature.SPLIT_LINES)
                .build();
        String header = "# Generated by " + AsyncApiDocument.class.getName() + " from io.collector.events.EventType. Do not edit.\n"
                + "# Regenerate: mvn -B -o test -pl libs/events -Dtest=AsyncApiDocumentTests -Dasyncapi.regenerate=true\n";
        return header + yaml.writeValueAsString(tree());
    }

    public static void write(Path target) throws IOException {
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.writeString(target, yaml(), StandardCharsets.UTF_8);
    }

    /** Writes the document to {@code args[0]}, default {@value #DEFAULT_PATH} (run from the repository root). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : DEFAULT_PATH);
        write(target);
        System.out.println("wrote " + target.toAbsolutePath().normalize());
    }

    private static ObjectNode amqpHeaders() {
        ObjectNode headers = NODES.objectNode();
        headers.put("type", "object");
        headers.put("description", "AMQP headers the bus sets; message_id = eventId, correlation_id, type, timestamp and app_id "
                + "mirror the envelope as AMQP properties. Retry and DLQ copies add x-retry-count, x-attempts, x-exception-class, "
                + "x-exception-message, x-original-queue, x-first-failure-at, x-last-failure-at, x-dead-letter-reason.");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("x-tenant-id").put("type", "string");
        properties.putObject("x-source").put("type", "string");
        properties.putObject("traceparent").put("type", "string").put("description", "W3C trace context");
        return headers;
    }

    /** The JSON Schema node in the AsyncAPI schema format (see the class comment). */
    static JsonNode convert(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(item -> array.add(convert(item)));
            return array;
        }
        if (!node.isObject()) {
            return node.deepCopy();
        }
        ObjectNode out = NODES.objectNode();
        String ref = null;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            switch (name) {
                case "$schema", "$id", "errorMessage", "$defs" -> { }
                case "$ref" -> ref = documentRef(field.getValue().asString());
                default -> out.set(name, isSchemaMap(name) ? convertMap(field.getValue()) : convert(field.getValue()));
            }
        }
        if (ref == null) {
            return out;
        }
        if (out.isEmpty()) {
            return NODES.objectNode().put("$ref", ref);
        }
        // $ref with siblings: draft-07 (AsyncAPI's schema format) would ignore the siblings.
        ObjectNode combined = NODES.objectNode();
        moveAnnotations(out, combined);
        ArrayNode allOf = combined.putArray("allOf");
        allOf.addObject().put("$ref", ref);
        if (!out.isEmpty()) {
            allOf.add(out);
        }
        return combined;
    }

    private static boolean isSchemaMap(String keyword) {
        return keyword.equals("properties") || keyword.equals("patternProperties");
    }

    /** properties: the keys are names, not keywords; "data" etc. must survive. */
    private static JsonNode convertMap(JsonNode map) {
        ObjectNode out = NODES.objectNode();
        map.properties().forEach(e -> out.set(e.getKey(), convert(e.getValue())));
        return out;
    }

    private static void moveAnnotations(ObjectNode from, ObjectNode to) {
        for (String annotation : List.of("title", "description")) {
            JsonNode value = from.remove(annotation);
            if (value != null) {
                to.set(annotation, value);
            }
        }
    }

    /** envelope.schema.json → #/components/schemas/envelope; defs.schema.json#/$defs/uuid → #/components/schemas/uuid. */
    static String documentRef(String ref) {
        if (ref.equals("envelope.schema.json")) {
            return "#/components/schemas/envelope";
        }
        String defs = "defs.schema.json#/$defs/";
        if (ref.startsWith(defs)) {
            return "#/components/schemas/" + ref.substring(defs.length());
        }
        throw new IllegalStateException("unexpected $ref in the event schemas: " + ref
                + " (teach " + AsyncApiDocument.class.getSimpleName() + ".documentRef about it)");
    }

    /** offer.approved → offerApproved. */
    static String camel(String wireName) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : wireName.toCharArray()) {
            if (c == '.' || c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static JsonNode resource(String name) {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(SCHEMAS + name)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + SCHEMAS + name + " on the classpath");
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMAS + name, e);
        }
    }
}
