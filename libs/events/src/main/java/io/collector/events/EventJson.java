package io.collector.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one JSON mapping of the wire contract, so that every service writes the same bytes:
 * {@code BigDecimal} as a decimal string ({@code "1500.00"}, scale kept), instants as
 * {@code 2024-01-15T10:30:00.000Z} (millisecond precision, as JavaScript producers write them),
 * absent optional fields left out, unknown fields ignored (forward compatibility).
 */
public final class EventJson {

    private static final DateTimeFormatter INSTANT_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(wireModule())
            .changeDefaultPropertyInclusion(inclusion -> inclusion
                    .withValueInclusion(JsonInclude.Include.NON_NULL)
                    .withContentInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {
    }

    /** The mapper configured for the wire contract; immutable and thread-safe. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(EventEnvelope<?> event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static String writeString(EventEnvelope<?> event) {
        return MAPPER.writeValueAsString(event);
    }

    /** Parses bytes into a tree; malformed JSON becomes a {@link MalformedEventException}. */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedEventException("empty message body", null);
            }
            return node;
        } catch (JacksonException e) {
            throw new MalformedEventException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Binds an already validated tree to the envelope with the payload record of its type. */
    public static EventEnvelope<?> bind(JsonNode event) {
        EventType type = EventType.fromWireName(event.path("type").asString());
        return MAPPER.readValue(MAPPER.treeAsTokens(event), envelopeOf(type.payloadType()));
    }

    public static JavaType envelopeOf(Class<? extends EventPayload> payloadType) {
        return MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, payloadType);
    }

    public static JsonNode toTree(EventEnvelope<?> event) {
        return MAPPER.valueToTree(event);
    }

    private static SimpleModule wireModule() {
        SimpleModule module = new SimpleModule("collector-wire");
        module.addSerializer(BigDecimal.class, new ValueSerializer<BigDecimal>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.toPlainString());
            }
        });
        module.addSerializer(Instant.class, new ValueSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(INSTANT_FORMAT.format(value.truncatedTo(ChronoUnit.MILLIS)));
            }
        });
        return module;
    }
}
