package io.collector.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.collector.events.JsonTrees.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The quick check must say "valid" exactly when the schema library finds no violation: tested on
 * every spec example and on thousands of broken copies of them (each field removed or replaced by
 * values of every JSON type and by near misses of the patterns).
 */
class QuickSchemaCheckTests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EventValidator validator = EventValidator.instance();

    @Test
    void everySpecExamplePassesTheQuickCheck() {
        for (EventType type : EventType.values()) {
            assertThat(validator.passesQuickCheck(type, example(type))).as(type.wireName()).isTrue();
        }
    }

    @Test
    void quickCheckAgreesWithTheSchemaLibraryOnEveryBrokenCopyOfEveryExample() {
        List<String> disagreements = new ArrayList<>();
        int mutants = 0;
        int invalid = 0;
        for (EventType type : EventType.values()) {
            ObjectNode original = example(type);
            for (String pointer : pointers(original, "")) {
                for (UnaryOperator<JsonNode> mutation : mutations(original.at(pointer))) {
                    JsonNode mutant = replaced(original, pointer, mutation);
                    boolean library = validator.schemaViolations(type, mutant).isEmpty();
                    boolean quick = validator.passesQuickCheck(type, mutant);
                    mutants++;
                    invalid += library ? 0 : 1;
                    if (library != quick) {
                        disagreements.add(type.wireName() + " " + pointer + " = " + mutant.at(pointer)
                                + ": library " + (library ? "valid" : "invalid") + ", quick check " + (quick ? "valid" : "invalid"));
                    }
                }
            }
        }
        assertThat(disagreements).as("of %d broken copies, %d invalid", mutants, invalid).isEmpty();
        assertThat(invalid).as("the mutations break most copies").isGreaterThan(mutants / 2);
    }

    @Test
    void aKeywordTheQuickCheckDoesNotImplementFailsItsCompilation() {
        JsonNode schema = EventJson.mapper().readTree("""
                {"type": "object", "properties": {"a": {"type": "string", "maxLength": 3}}}""");

        assertThatThrownBy(() -> QuickSchemaCheck.compile("https://example.com/s.json", uri -> schema))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'maxLength'");
    }

    /** JSON pointers of every node below the root. */
    private static List<String> pointers(JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = at + "/" + field.getKey();
                pointers.add(child);
                pointers.addAll(pointers(field.getValue(), child));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = at + "/" + i;
                pointers.add(child);
                pointers.addAll(pointers(node.get(i), child));
            }
        }
        return pointers;
    }

    /** Replacements of a node: null means removing it. */
    private static List<UnaryOperator<JsonNode>> mutations(JsonNode node) {
        List<UnaryOperator<JsonNode>> all = new ArrayList<>(List.of(
                n -> null,
                n -> NODES.nullNode(), n -> NODES.booleanNode(true),
                n -> NODES.numberNode(0), n -> NODES.numberNode(-1), n -> NODES.numberNode(1),
                n -> NODES.numberNode(1.5), n -> NODES.numberNode(new BigDecimal("3.0")),
                n -> NODES.numberNode(new BigInteger("123456789012345678901234567890")),
                n -> NODES.stringNode(""), n -> NODES.stringNode(" "), n -> NODES.stringNode("x"),
                n -> NODES.stringNode("-1"), n -> NODES.stringNode("1.5"), n -> NODES.stringNode("0"),
                n -> NODES.stringNode("1e3"), n -> NODES.stringNode("USD"), n -> NODES.stringNode("usd"),
                n -> NODES.stringNode("2024-01-15T10:30:00Z"), n -> NODES.stringNode("2024-13-15T10:30:00Z"),
                n -> NODES.stringNode("3f2b8c1e-7d4a-4e5b-9c6d-1a2b3c4d5e6f"),
                n -> NODES.objectNode(), n -> NODES.arrayNode(),
                n -> NODES.arrayNode().add(n.deepCopy()),
                n -> NODES.objectNode().set("value", n.deepCopy())));
        if (node.isString()) {
            all.add(n -> NODES.stringNode(n.stringValue() + "\n"));
            all.add(n -> NODES.stringNode(" " + n.stringValue()));
            all.add(n -> NODES.stringNode(n.stringValue() + "x"));
            all.add(n -> NODES.stringNode(n.stringValue().substring(1)));
        }
        if (node.isObject()) {
            all.add(n -> ((ObjectNode) n.deepCopy()).put("unknownField", "tolerated"));
        }
        if (node.isArray() && !node.isEmpty()) {
            all.add(n -> ((ArrayNode) n.deepCopy()).add(n.get(0).deepCopy()));
            all.add(n -> ((ArrayNode) n.deepCopy()).add(NODES.nullNode()));
        }
        return all;
    }

    /** A copy of {@code root} with the node at {@code pointer} replaced, or removed when the mutation gives null. */
    private static JsonNode replaced(ObjectNode root, String pointer, UnaryOperator<JsonNode> mutation) {
        ObjectNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? copy : copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        JsonNode replacement = mutation.apply(copy.at(pointer));
        if (parent instanceof ObjectNode object) {
            if (replacement == null) {
                object.remove(last);
            } else {
                object.set(last, replacement);
            }
        } else {
            ArrayNode array = (ArrayNode) parent;
            if (replacement == null) {
                array.remove(Integer.parseInt(last));
            } else {
                array.set(Integer.parseInt(last), replacement);
            }
        }
        return copy;
    }
}
