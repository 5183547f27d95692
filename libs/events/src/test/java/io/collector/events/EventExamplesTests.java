package io.collector.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.collector.events.JsonTrees.bytes;
import static io.collector.events.JsonTrees.normalized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Every example of the spec, made concrete, is a valid event that survives a read and a write unchanged. */
class EventExamplesTests {

    /** Placeholders the spec writes where a real value belongs. */
    private static final String UUID_PLACEHOLDER = "uuid";
    private static final String URL_PLACEHOLDER = "https://...";

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleHasNoViolations(EventType type) {
        JsonNode example = EventJson.parse(EventExamples.load(type));

        assertThat(EventValidator.instance().validate(example)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleReadsAsThePayloadRecordOfItsType(EventType type) {
        EventEnvelope<?> event = EventReader.read(EventExamples.load(type));

        assertThat(event.eventType()).isEqualTo(type);
        assertThat(event.data()).isInstanceOf(type.payloadType());
        assertThat(event.eventId()).as("as the spec shows it, without our additive fields").isNull();
        assertThat(event.versionOrDefault()).isEqualTo(EventEnvelope.CURRENT_VERSION);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleWritesBackToEquivalentJson(EventType type) {
        byte[] body = EventExamples.load(type);

        EventEnvelope<?> event = EventReader.read(body);

        assertThat(normalized(EventJson.mapper().readTree(EventJson.write(event))))
                .isEqualTo(normalized(EventJson.parse(body)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void envelopeWithTheAdditiveFieldsRoundTrips(EventType type) {
        ObjectNode example = JsonTrees.example(type);
        UUID eventId = UUID.fromString("9d7c2f4e-1b3a-4c5d-8e6f-7a8b9c0d1e2f");
        example.put("eventId", eventId.toString());
        example.put("version", 1);
        example.put("causationId", "3a1f6b2c-5d4e-4f70-8a9b-0c1d2e3f4a5b");

        EventEnvelope<?> event = EventReader.read(bytes(example));

        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.causationId()).isEqualTo("3a1f6b2c-5d4e-4f70-8a9b-0c1d2e3f4a5b");
        assertThat(normalized(EventJson.toTree(event))).isEqualTo(normalized(example));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventCreatedInJavaFromTheExamplePayloadIsValid(EventType type) {
        EventEnvelope<?> read = EventReader.read(EventExamples.load(type));

        EventEnvelope<?> created = EventEnvelope.create(read.data(), "tenant-123", read.source(), "corr-123", null);

        assertThatNoException().isThrownBy(() -> EventReader.requireValid(created));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleKeepsEveryValueOfTheSpecExample(EventType type) {
        JsonNode spec = SpecDocument.example(type.wireName());
        JsonNode example = EventJson.parse(EventExamples.load(type));

        List<String> differences = new ArrayList<>();
        compare(spec, example, "$", differences);

        assertThat(differences).isEmpty();
    }

    /** Same shape, every optional field present, and the spec's values but for its placeholders. */
    private static void compare(JsonNode spec, JsonNode example, String path, List<String> differences) {
        if (spec.isObject()) {
            Set<String> expectedNames = new TreeSet<>();
            spec.properties().forEach(property -> {
                String name = SpecDocument.fieldName(property.getKey());
                expectedNames.add(name);
                JsonNode value = example.get(name);
                if (value == null) {
                    differences.add(path + "." + name + " is missing");
                } else {
                    compare(property.getValue(), value, path + "." + name, differences);
                }
            });
            if (!new TreeSet<>(example.propertyNames()).equals(expectedNames)) {
                differences.add(path + " has fields " + new TreeSet<>(example.propertyNames()) + ", the spec " + expectedNames);
            }
        } else if (spec.isArray()) {
            if (example.size() != spec.size()) {
                differences.add(path + " has " + example.size() + " elements, the spec " + spec.size());
                return;
            }
            for (int i = 0; i < spec.size(); i++) {
                compare(spec.get(i), example.get(i), path + "[" + i + "]", differences);
            }
        } else if (!matches(spec, example)) {
            differences.add(path + " is " + example + ", the spec has " + spec);
        }
    }

    private static boolean matches(JsonNode spec, JsonNode example) {
        if (spec.isString() && spec.stringValue().equals(UUID_PLACEHOLDER)) {
            return example.isString() && isUuid(example.stringValue());
        }
        if (spec.isString() && spec.stringValue().equals(URL_PLACEHOLDER)) {
            return example.isString() && example.stringValue().startsWith("https://") && !example.stringValue().contains("...");
        }
        return normalized(spec).equals(normalized(example));
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
