package io.collector.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Each hand-written matcher accepts exactly what its regular expression accepts, and the schemas use them. */
class HandWrittenPatternsTests {

    private static final String NEAR_MISS_CHARACTERS = "0123456789-:.TZ+afAFgG z\n\u0660";

    @Test
    void theSchemasFrequentPatternsHaveHandWrittenMatchers() {
        JsonNode defs = EventJson.mapper().readTree(
                EventValidator.class.getClassLoader().getResourceAsStream("io/collector/events/schemas/defs.schema.json"));

        assertThat(defs.at("/$defs/uuid/pattern").stringValue()).isEqualTo(HandWrittenPatterns.UUID);
        assertThat(defs.at("/$defs/timestamp/pattern").stringValue()).isEqualTo(HandWrittenPatterns.DATE_TIME);
        assertThat(defs.at("/$defs/money/pattern").stringValue()).isEqualTo(HandWrittenPatterns.NON_NEGATIVE_DECIMAL);
        assertThat(defs.at("/$defs/positiveDecimal/pattern").stringValue()).isEqualTo(HandWrittenPatterns.POSITIVE_DECIMAL);
        assertThat(defs.at("/$defs/currency/pattern").stringValue()).isEqualTo(HandWrittenPatterns.CURRENCY);
    }

    @Test
    void decimalMatchersAgreeWithTheirRegularExpressionsOnNearMisses() {
        List<String> valid = List.of("1500.00", "0", "0.00", "12", "0.5", "300.125", "000.010", "9999999999.99");
        assertAgreement(HandWrittenPatterns.NON_NEGATIVE_DECIMAL, HandWrittenPatterns::isNonNegativeDecimal, valid);
        assertAgreement(HandWrittenPatterns.POSITIVE_DECIMAL, HandWrittenPatterns::isPositiveDecimal, valid);
    }

    @Test
    void currencyMatcherAgreesWithItsRegularExpressionOnNearMisses() {
        assertAgreement(HandWrittenPatterns.CURRENCY, HandWrittenPatterns::isCurrency, List.of("USD", "EUR", "GAZ"));
    }

    @Test
    void uuidMatcherAgreesWithItsRegularExpressionOnNearMisses() {
        assertAgreement(HandWrittenPatterns.UUID, HandWrittenPatterns::isUuid,
                List.of("3f2b8c1e-7d4a-4e5b-9c6d-1a2b3c4d5e6f", "3F2B8C1E-7D4A-4E5B-9C6D-1A2B3C4D5E6F"));
    }

    @Test
    void dateTimeMatcherAgreesWithItsRegularExpressionOnNearMisses() {
        assertAgreement(HandWrittenPatterns.DATE_TIME, HandWrittenPatterns::isDateTime,
                List.of("2024-01-15T10:30:00.000Z", "2024-12-31T23:59:59Z", "2024-02-29T00:00:00.123456789+02:00",
                        "1999-09-09T09:09:09-23:59", "2024-10-20T20:10:10.5Z"));
    }

    /** Compares on every valid seed and on 200,000 copies of them with one to three characters changed, added or removed. */
    private static void assertAgreement(String regex, Predicate<String> handWritten, List<String> valid) {
        Random random = new Random(20261127);
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            String candidate = valid.get(i % valid.size());
            if (i >= valid.size()) {
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    candidate = edited(candidate, random);
                }
            }
            boolean expected = asTheSchemaLibraryMatches(regex, candidate);
            accepted += expected ? 1 : 0;
            if (handWritten.test(candidate) != expected) {
                disagreements.add(candidate.replace("\n", "\\n") + ": regular expression " + expected);
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(accepted).as("some near misses are still valid").isGreaterThan(valid.size());
    }

    private static String edited(String s, Random random) {
        char c = NEAR_MISS_CHARACTERS.charAt(random.nextInt(NEAR_MISS_CHARACTERS.length()));
        int at = random.nextInt(s.length() + 1);
        return switch (random.nextInt(3)) {
            case 0 -> s.substring(0, at) + c + s.substring(at);
            case 1 -> at == s.length() ? s : s.substring(0, at) + s.substring(at + 1);
            default -> at == s.length() ? s + c : s.substring(0, at) + c + s.substring(at + 1);
        };
    }

    /** The library's semantics: found anywhere, anchors holding at the string's very start and end. */
    private static boolean asTheSchemaLibraryMatches(String regex, String value) {
        Matcher matcher = Pattern.compile(regex).matcher(value);
        return matcher.find() && matcher.start() == 0 && matcher.end() == value.length();
    }
}
