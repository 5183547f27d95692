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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

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

    /** The envelope type of each event type, built once: Jackson's type factory is not free per message. */
    private static final Map<EventType, JavaType> ENVELOPES = envelopes();

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
        return MAPPER.readValue(MAPPER.treeAsTokens(event), ENVELOPES.get(type));
    }

    private static Map<EventType, JavaType> envelopes() {
        Map<EventType, JavaType> envelopes = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            envelopes.put(type, envelopeOf(type.payloadType()));
        }
        return envelopes;
    }

    public static JavaType envelopeOf(Class<? extends EventPayload> payloadType) {
        return MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, payloadType);
    }

    public static JsonNode toTree(EventEnvelope<?> event) {
        return MAPPER.valueToTree(event);
    }

    /** {@code 2024-01-15T10:30:00.000Z}: written by hand for years 1–9999 (a formatter costs a microsecond per event). */
    static String formatInstant(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 1 || utc.getYear() > 9999) {
            return INSTANT_FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
        }
        char[] text = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(text, 0, 4, utc.getYear());
        digits(text, 5, 2, utc.getMonthValue());
        digits(text, 8, 2, utc.getDayOfMonth());
        digits(text, 11, 2, utc.getHour());
        digits(text, 14, 2, utc.getMinute());
        digits(text, 17, 2, utc.getSecond());
        digits(text, 20, 3, utc.getNano() / 1_000_000);
        return new String(text);
    }

    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static SimpleModule wireModule() {
        SimpleModule module = new SimpleModule("collector-wire") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addValueInstantiators(new DirectConstructorCalls());
            }
        };
        module.addSerializer(BigDecimal.class, new ValueSerializer<BigDecimal>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.toPlainString());
            }
        });
        module.addSerializer(Instant.class, new ValueSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(formatInstant(value));
            }
        });
        module.addDeserializer(Instant.class, new WireInstantDeserializer());
        return module;
    }
}
