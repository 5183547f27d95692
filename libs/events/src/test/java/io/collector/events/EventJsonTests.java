package io.collector.events;

import io.collector.events.payload.OrderCreated;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTests {

    private static final DateTimeFormatter WIRE_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void instantsAreWrittenInUtcWithMillisecondsTruncatedAsTheFormatterWritesThem() {
        Random random = new Random(20261127);
        long tenThousandYears = 10_000L * 366 * 24 * 3600;
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong() % tenThousandYears, random.nextInt(1_000_000_000));
            assertThat(EventJson.formatInstant(instant)).as("%s", instant)
                    .isEqualTo(WIRE_FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS)));
        }
        assertThat(EventJson.formatInstant(Instant.parse("2024-01-15T10:30:00.123999Z"))).isEqualTo("2024-01-15T10:30:00.123Z");
        assertThat(EventJson.formatInstant(Instant.parse("9999-12-31T23:59:59.999Z"))).isEqualTo("9999-12-31T23:59:59.999Z");
    }

    @Test
    void instantsAreReadAsJacksonsOwnDeserializerReadsThem() {
        JsonMapper plain = JsonMapper.builder().build();
        Random random = new Random(20261128);
        long yearOne = -62_135_596_800L;
        long toYear9999 = 253_402_300_800L - yearOne;
        String nearMissCharacters = "0123456789-:.TZ+ ";
        for (int i = 0; i < 100_000; i++) {
            String text = EventJson.formatInstant(Instant.ofEpochSecond(yearOne + Math.floorMod(random.nextLong(), toYear9999),
                    random.nextInt(1_000_000_000)));
            if (i % 2 == 1) {
                char c = nearMissCharacters.charAt(random.nextInt(nearMissCharacters.length()));
                int at = random.nextInt(text.length());
                text = text.substring(0, at) + c + text.substring(at + 1);
            }
            String json = "\"" + text + "\"";
            assertThat(outcome(() -> EventJson.mapper().readValue(json, Instant.class))).as(text)
                    .isEqualTo(outcome(() -> plain.readValue(json, Instant.class)));
        }
        for (String text : new String[]{"2024-02-30T10:00:00.000Z", "2024-01-15T24:00:00.000Z", "2024-12-31T23:59:60.000Z",
                "2024-01-15T10:30:00.000+02:00", "2024-01-15T10:30:00Z", "2024-01-15T10:30:00.1234Z", "0000-01-01T00:00:00.000Z"}) {
            String json = "\"" + text + "\"";
            assertThat(outcome(() -> EventJson.mapper().readValue(json, Instant.class))).as(text)
                    .isEqualTo(outcome(() -> plain.readValue(json, Instant.class)));
        }
    }

    @Test
    void aRecordConstructorThatRefusesItsArgumentsFailsAsJacksonReportsIt() {
        String withoutData = "{\"type\":\"order.created\",\"timestamp\":\"2024-01-15T10:30:00.000Z\",\"tenantId\":\"t\",\"source\":\"s\"}";

        String failure = outcome(() -> EventJson.mapper().readValue(withoutData, EventJson.envelopeOf(OrderCreated.class)));

        assertThat(failure).startsWith("failed: ValueInstantiationException").contains("data");
    }

    @Test
    void recordsAreCreatedWithEveryField() {
        EventEnvelope<?> event = EventReader.read(EventExamples.load(EventType.ORDER_CREATED));

        Object read = EventJson.mapper().readValue(EventJson.write(event), EventJson.envelopeOf(OrderCreated.class));

        assertThat(read).isEqualTo(event);
    }

    /** The value read, or the class and message of the failure, to compare two ways of reading. */
    private static String outcome(java.util.function.Supplier<Object> read) {
        try {
            return "read: " + Objects.toString(read.get());
        } catch (JacksonException e) {
            return "failed: " + e.getClass().getSimpleName() + ": " + e.getOriginalMessage();
        }
    }
}
