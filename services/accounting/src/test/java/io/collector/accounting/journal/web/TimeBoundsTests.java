package io.collector.accounting.journal.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeBoundsTests {

    @Test
    void dateBoundsCoverWholeUtcDays() {
        assertThat(TimeBounds.from("2024-01-15")).isEqualTo(Instant.parse("2024-01-15T00:00:00Z"));
        assertThat(TimeBounds.until("2024-01-31")).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
    }

    @Test
    void dateTimeBoundsAreInclusive() {
        assertThat(TimeBounds.from("2024-01-15T10:30:00Z")).isEqualTo(Instant.parse("2024-01-15T10:30:00Z"));
        assertThat(TimeBounds.from("2024-01-15T12:30:00+02:00")).isEqualTo(Instant.parse("2024-01-15T10:30:00Z"));
        assertThat(TimeBounds.until("2024-01-15T10:30:00Z")).isEqualTo(Instant.parse("2024-01-15T10:30:00.000001Z"));
    }

    @Test
    void absentBoundsAreOpen() {
        assertThat(TimeBounds.from(null)).isNull();
        assertThat(TimeBounds.until(null)).isNull();
    }

    @Test
    void anythingElseIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> TimeBounds.from("yesterday")).isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("from"));
        assertThatThrownBy(() -> TimeBounds.until("2024-13-01")).isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("to"));
        assertThatThrownBy(() -> TimeBounds.from("2024-01-15T10:30:00")).isInstanceOf(InvalidParameterException.class);
    }
}
