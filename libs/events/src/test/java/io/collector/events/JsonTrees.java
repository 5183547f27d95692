package io.collector.events;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Test helpers for JSON trees. */
final class JsonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /**
     * A copy in which numbers equal in value are equal nodes (8, 8.0 and 8.00 alike), so that two
     * trees can be compared with {@code equals} and AssertJ shows both when they differ.
     */
    static JsonNode normalized(JsonNode node) {
        if (node.isNumber()) {
            return NODES.numberNode(node.decimalValue().stripTrailingZeros());
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            node.properties().forEach(property -> copy.set(property.getKey(), normalized(property.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.values().forEach(element -> copy.add(normalized(element)));
            return copy;
        }
        return node;
    }

    /** The example of {@code type} as a mutable tree, to break in tests. */
    static ObjectNode example(EventType type) {
        return (ObjectNode) EventJson.parse(EventExamples.load(type));
    }

    /** The object at a JSON pointer such as {@code /data/lineItems/0}. */
    static ObjectNode objectAt(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        if (!node.isObject()) {
            throw new IllegalArgumentException("no object at " + pointer);
        }
        return (ObjectNode) node;
    }

    static byte[] bytes(JsonNode node) {
        return EventJson.mapper().writeValueAsBytes(node);
    }
}
