package io.collector.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Checks an event against the contract: an object with a known {@code type}, a supported
 * {@code version}, and a match for the JSON Schema (draft 2020-12) of its type, shipped in this
 * jar. Reports every violation, not just the first, so a producer can fix them all at once.
 * <p>
 * The schemas are read from this jar once, when {@link #instance()} is first called; after that
 * the validator is immutable and safe to share between threads.
 */
public final class EventValidator {

    /** The schemas' {@code $id}s live under this base; their relative {@code $ref}s resolve against it. */
    static final String SCHEMA_BASE_URI = "https://collector.io/schemas/";
    private static final String SCHEMA_DIRECTORY = "io/collector/events/schemas/";

    /** Outcome of the checks: no violations, or the violations and why the event is refused. */
    private record Outcome(InvalidEventException.Reason reason, List<Violation> violations) {
        static final Outcome VALID = new Outcome(null, List.of());

        static Outcome of(InvalidEventException.Reason reason, Violation violation) {
            return new Outcome(reason, List.of(violation));
        }
    }

    private final Map<EventType, Schema> schemas;
    private final Map<EventType, Predicate<JsonNode>> quickChecks;

    private EventValidator() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .pathType(PathType.JSON_PATH)               // $.data.lineItems[0].quantity
                        .locale(Locale.ENGLISH)                     // not the JVM's locale: messages end up in shared logs
                        .errorMessageKeyword("errorMessage")        // the schemas' human messages for failed patterns
                        .formatAssertionsEnabled(false)             // patterns carry the rules; 'format' would only repeat them
                        .build())
                // Serve our $ids from this jar, with this jar's class loader: never from the network.
                .schemas(EventValidator::readBundledSchema));
        Map<EventType, Schema> byType = new EnumMap<>(EventType.class);
        Map<EventType, Predicate<JsonNode>> quickByType = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            String uri = SCHEMA_BASE_URI + schemaFileName(type);
            Schema schema = registry.getSchema(SchemaLocation.of(uri));
            schema.initializeValidators(); // resolve every $ref now, not lazily on a consumer thread
            byType.put(type, schema);
            quickByType.put(type, QuickSchemaCheck.compile(uri, document -> {
                String json = readBundledSchema(document);
                return json == null ? null : EventJson.mapper().readTree(json);
            }));
        }
        this.schemas = Collections.unmodifiableMap(byType);
        this.quickChecks = Collections.unmodifiableMap(quickByType);
    }

    public static EventValidator instance() {
        return Holder.INSTANCE;
    }

    /** Every violation of the contract in {@code event}; empty when it is valid. */
    public List<Violation> validate(JsonNode event) {
        return check(event).violations();
    }

    /** Throws an {@link InvalidEventException} listing every violation unless {@code event} is valid. */
    public void requireValid(JsonNode event) {
        Outcome outcome = check(event);
        if (!outcome.violations().isEmpty()) {
            throw new InvalidEventException(outcome.reason(), outcome.violations());
        }
    }

    private Outcome check(JsonNode event) {
        if (event == null || !event.isObject()) {
            return Outcome.of(InvalidEventException.Reason.SCHEMA_VIOLATION, new Violation("$", "must be a JSON object"));
        }
        // Without a known type there is no schema to check the rest against.
        JsonNode type = event.get("type");
        if (type == null || !type.isString()) {
            String message = type == null ? "is required" : "must be a string, not " + ViolationMessages.jsonTypeOf(type);
            return Outcome.of(InvalidEventException.Reason.SCHEMA_VIOLATION, new Violation("$.type", message));
        }
        Optional<EventType> eventType = EventType.find(type.stringValue());
        if (eventType.isEmpty()) {
            return Outcome.of(InvalidEventException.Reason.UNKNOWN_TYPE,
                    new Violation("$.type", "unknown event type '" + type.stringValue() + "'"));
        }
        // A newer version may legitimately differ from our schema: say so instead of listing its differences.
        Optional<Violation> version = unsupportedVersion(event.get("version"));
        if (version.isPresent()) {
            return Outcome.of(InvalidEventException.Reason.UNSUPPORTED_VERSION, version.get());
        }
        if (quickChecks.get(eventType.get()).test(event)) {
            return Outcome.VALID;
        }
        List<Violation> violations = schemaViolations(eventType.get(), event);
        return violations.isEmpty() ? Outcome.VALID : new Outcome(InvalidEventException.Reason.SCHEMA_VIOLATION, violations);
    }

    /** The schema library's verdict alone, with every violation's path and message. */
    List<Violation> schemaViolations(EventType type, JsonNode event) {
        return schemas.get(type).validate(event).stream()
                .map(EventValidator::toViolation)
                .distinct()
                .toList();
    }

    /** The quick check's verdict alone: true means the schema library would find no violation. */
    boolean passesQuickCheck(EventType type, JsonNode event) {
        return quickChecks.get(type).test(event);
    }

    /** A version that is an integer we do not support; absent means 1, and a non-integer is the schema's to report. */
    private static Optional<Violation> unsupportedVersion(JsonNode version) {
        if (version == null || !version.isNumber() || !version.canConvertToExactIntegral()) {
            return Optional.empty();
        }
        if (version.canConvertToInt() && EventType.SUPPORTED_VERSIONS.contains(version.asInt())) {
            return Optional.empty();
        }
        String shown = version.decimalValue().stripTrailingZeros().toPlainString();
        return Optional.of(new Violation("$.version",
                "unsupported version " + shown + " (supported: " + new TreeSet<>(EventType.SUPPORTED_VERSIONS) + ")"));
    }

    private static Violation toViolation(Error error) {
        NodePath at = error.getInstanceLocation();
        return switch (error.getKeyword()) {
            // The library points at the object missing the field; point at the field itself.
            case "required" -> new Violation(at.append(error.getProperty()).toString(), "is required");
            case "type" -> new Violation(at.toString(), error.isCustomMessage()
                    ? error.getMessage()
                    : ViolationMessages.wrongType(error.getArguments()));
            default -> new Violation(at.toString(), error.getMessage());
        };
    }

    static String schemaFileName(EventType type) {
        return type.schemaResource().substring(SCHEMA_DIRECTORY.length());
    }

    /** Content of a schema of ours by its {@code $id}, or null (unknown to us) for any other URI. */
    private static String readBundledSchema(String uri) {
        if (!uri.startsWith(SCHEMA_BASE_URI)) {
            return null;
        }
        String resource = SCHEMA_DIRECTORY + uri.substring(SCHEMA_BASE_URI.length());
        try (InputStream in = EventValidator.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static final class Holder {
        static final EventValidator INSTANCE = new EventValidator();
    }
}
