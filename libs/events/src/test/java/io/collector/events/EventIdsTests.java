package io.collector.events;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventIdsTests {

    @Test
    void idsAreVersion7WithTheRfcVariantAndCarryTheirCreationTime() {
        long before = System.currentTimeMillis();
        UUID id = EventIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(EventIds.unixMillisOf(id)).isBetween(before, after);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsPostgresComparesUuids() {
        UUID earlier = EventIds.at(1_700_000_000_000L);
        UUID later = EventIds.at(1_700_000_000_001L);

        // PostgreSQL orders uuid values by their bytes, unsigned: the string form sorts the same way.
        assertThat(later.toString()).isGreaterThan(earlier.toString());
    }

    @Test
    void manyIdsInTheSameMillisecondAreAllDistinct() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            ids.add(EventIds.at(1_700_000_000_000L));
        }
        assertThat(ids).hasSize(200_000);
    }

    @Test
    void newIdsKeepTheContract() {
        EventEnvelope<?> example = EventReader.read(EventExamples.load(EventType.ORDER_CREATED));
        EventEnvelope<?> withNewId = new EventEnvelope<>(EventIds.next(), example.version(), example.type(), example.timestamp(),
                example.tenantId(), example.source(), EventIds.next().toString(), null, example.data());

        assertThat(EventReader.read(EventJson.write(withNewId)).eventId()).isEqualTo(withNewId.eventId());
    }

    @Test
    void theTimeOfAnotherVersionIsRefused() {
        assertThatThrownBy(() -> EventIds.unixMillisOf(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 4");
    }
}
