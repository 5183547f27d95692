package io.collector.eventbus.observability;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTests {

    private static final String W3C = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";

    @Test
    void withoutAParentANewTraceStartsWithRandomIds() {
        Set<String> traceIds = new HashSet<>();
        Set<String> spanIds = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String traceparent = TraceParent.childOf(null);
            assertThat(traceparent).matches(W3C).endsWith("-01");
            traceIds.add(traceparent.substring(3, 35));
            spanIds.add(traceparent.substring(36, 52));
        }
        assertThat(traceIds).hasSize(10_000).doesNotContain("0".repeat(32));
        assertThat(spanIds).hasSize(10_000).doesNotContain("0".repeat(16));
        // Every hex digit turns up in every position: the digits are not stuck or drawn from a narrow range.
        for (int position = 0; position < 32; position++) {
            Set<Character> digits = new HashSet<>();
            for (String traceId : traceIds) {
                digits.add(traceId.charAt(position));
            }
            assertThat(digits).as("digits at position %d", position).hasSize(16);
        }
    }

    @Test
    void aChildKeepsItsParentsTraceAndFlagsWithANewSpan() {
        String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        String child = TraceParent.childOf(parent);
        assertThat(child).matches(W3C).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-00");
        assertThat(child.substring(36, 52)).isNotEqualTo("00f067aa0ba902b7");
        assertThat(TraceParent.traceId(child)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void aMalformedParentStartsANewTrace() {
        String child = TraceParent.childOf("00-NOT-A-TRACE-01");
        assertThat(child).matches(W3C);
        assertThat(TraceParent.traceId("00-NOT-A-TRACE-01")).isNull();
    }

    @Test
    void theValidityCheckAgreesWithTheW3cPatternOnNearMisses() {
        String valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String nearMissCharacters = "0129afgAF- \n";
        Random random = new Random(20261128);
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder candidate = new StringBuilder(valid);
            for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                int at = random.nextInt(candidate.length());
                char c = nearMissCharacters.charAt(random.nextInt(nearMissCharacters.length()));
                switch (random.nextInt(3)) {
                    case 0 -> candidate.insert(at, c);
                    case 1 -> candidate.deleteCharAt(at);
                    default -> candidate.setCharAt(at, c);
                }
            }
            boolean expected = candidate.toString().matches(W3C);
            accepted += expected ? 1 : 0;
            if (TraceParent.isValid(candidate.toString()) != expected) {
                disagreements.add(candidate + ": pattern " + expected);
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(accepted).as("some near misses are still valid").isPositive();
        assertThat(TraceParent.isValid(valid)).isTrue();
        assertThat(TraceParent.isValid(null)).isFalse();
    }
}
