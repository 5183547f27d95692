package io.collector.events;

import tools.jackson.databind.JsonNode;

/** Wording of violations the schemas cannot phrase themselves. */
final class ViolationMessages {

    private ViolationMessages() {
    }

    /** From the library's type-error arguments {@code [found, expected]}: "must be an integer, not a string". */
    static String wrongType(Object[] arguments) {
        if (arguments == null || arguments.length < 2) {
            return "has the wrong type";
        }
        return "must be " + withArticle(String.valueOf(arguments[1])) + ", not " + withArticle(String.valueOf(arguments[0]));
    }

    /** The JSON Schema type name of a node: "string", "integer", "number", "object", ... */
    static String jsonTypeOf(JsonNode node) {
        if (node.isIntegralNumber()) {
            return withArticle("integer");
        }
        if (node.isNumber()) {
            return withArticle("number");
        }
        return withArticle(switch (node.getNodeType()) {
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> "null";
        });
    }

    private static String withArticle(String type) {
        return switch (type) {
            case "null" -> "null";
            case "integer", "object", "array" -> "an " + type;
            default -> "a " + type;
        };
    }
}
