package io.collector.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
}
