package io.collector.accounting.journal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The {@code from} and {@code to} query parameters: an ISO-8601 date-time with a zone
 * ({@code 2024-01-15T10:30:00Z}) or a date ({@code 2024-01-15}, a whole UTC day). Both bounds are
 * inclusive: {@code to=2024-01-31} includes all of January 31st.
 */
final class TimeBounds {

    static final String FORMAT = "must be an ISO-8601 date-time with a zone such as 2024-01-15T10:30:00Z or a date such as 2024-01-15";

    private TimeBounds() {
    }

    /** The first instant {@code from} includes, null if absent. */
    static Instant from(String text) {
        if (text == null) {
            return null;
        }
        return parse(text, "from", false);
    }

    /** The first instant after what {@code to} includes, null if absent. */
    static Instant until(String text) {
        if (text == null) {
            return null;
        }
        return parse(text, "to", true);
    }

    private static Instant parse(String text, String parameter, boolean upper) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (upper ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant instant = OffsetDateTime.parse(value).toInstant();
            // The database keeps microseconds: the instant after an inclusive upper bound is one microsecond later.
            return upper ? instant.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS) : instant;
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, FORMAT);
        }
    }
}
