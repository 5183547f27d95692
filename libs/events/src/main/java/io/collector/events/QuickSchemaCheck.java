package io.collector.events;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A yes/no check of an event against our JSON Schemas, compiled once into plain predicates for
 * the few keywords they use. It answers a valid event (nearly every one) in a fraction of what the
 * schema library needs, which matters because every event is validated twice, by its producer and
 * by each consumer. It never replaces the library: a "no" sends the event to the library for the
 * precise violations, and a "yes" must mean the library finds none (a test checks the two agree
 * on thousands of broken events). A schema keyword it does not know fails its compilation, so a
 * new keyword cannot be silently skipped.
 */
final class QuickSchemaCheck {

    /** Keywords that only annotate (with 'format' assertions off, as {@link EventValidator} has them). */
    private static final Set<String> ANNOTATIONS =
            Set.of("$schema", "$id", "$defs", "$comment", "title", "description", "examples", "format", "errorMessage");

    private final Function<String, JsonNode> documents;
    private final Map<URI, Predicate<JsonNode>> compiled = new HashMap<>();

    private QuickSchemaCheck(Function<String, JsonNode> documents) {
        this.documents = documents;
    }

    /**
     * Compiles the schema at {@code uri} and everything it refers to.
     *
     * @param documents a schema document by its absolute URI (without fragment)
     * @throws IllegalArgumentException on a keyword this check does not implement
     */
    static Predicate<JsonNode> compile(String uri, Function<String, JsonNode> documents) {
        return new QuickSchemaCheck(documents).reference(URI.create(uri));
    }

    private Predicate<JsonNode> reference(URI target) {
        Predicate<JsonNode> known = compiled.get(target);
        if (known != null) {
            return known;
        }
        // Registered before compiling, so that a schema referring to itself ends up calling itself.
        AtomicReference<Predicate<JsonNode>> deferred = new AtomicReference<>();
        compiled.put(target, node -> deferred.get().test(node));
        URI document = URI.create(target.getScheme() + ":" + target.getSchemeSpecificPart());
        JsonNode root = documents.apply(document.toString());
        if (root == null) {
            throw new IllegalArgumentException("no schema " + document);
        }
        String pointer = target.getFragment() == null ? "" : target.getFragment();
        JsonNode schema = root.at(pointer);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("no " + pointer + " in " + document);
        }
        Predicate<JsonNode> check = schema(schema, document);
        deferred.set(check);
        compiled.put(target, check);
        return check;
    }

    private Predicate<JsonNode> schema(JsonNode schema, URI base) {
        List<Predicate<JsonNode>> checks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            JsonNode value = keyword.getValue();
            switch (keyword.getKey()) {
                case "$ref" -> checks.add(reference(base.resolve(value.stringValue())));
                case "type" -> checks.add(type(value));
                case "const" -> checks.add(value::equals);
                case "properties" -> checks.add(properties(value, base));
                case "required" -> checks.add(required(value));
                case "items" -> checks.add(items(schema(value, base)));
                case "minItems" -> checks.add(node -> !node.isArray() || node.size() >= value.intValue());
                case "minLength" -> checks.add(node -> !node.isString()
                        || node.stringValue().codePointCount(0, node.stringValue().length()) >= value.intValue());
                case "minimum" -> checks.add(minimum(value.decimalValue()));
                case "pattern" -> checks.add(pattern(value.stringValue()));
                default -> {
                    if (!ANNOTATIONS.contains(keyword.getKey())) {
                        throw new IllegalArgumentException("keyword '" + keyword.getKey() + "' in " + base
                                + " is not implemented by the quick check");
                    }
                }
            }
        }
        Predicate<JsonNode>[] all = checks.toArray(Predicate[]::new);
        return node -> {
            for (Predicate<JsonNode> check : all) {
                if (!check.test(node)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Predicate<JsonNode> type(JsonNode value) {
        if (value.isArray()) {
            List<Predicate<JsonNode>> anyOf = new ArrayList<>();
            value.forEach(name -> anyOf.add(type(name)));
            return node -> anyOf.stream().anyMatch(type -> type.test(node));
        }
        return switch (value.stringValue()) {
            case "object" -> JsonNode::isObject;
            case "array" -> JsonNode::isArray;
            case "string" -> JsonNode::isString;
            case "number" -> JsonNode::isNumber;
            case "integer" -> node -> node.isIntegralNumber() || node.isNumber() && node.canConvertToExactIntegral(); // 2020-12: 1.0 is one

            case "boolean" -> JsonNode::isBoolean;
            case "null" -> JsonNode::isNull;
            default -> throw new IllegalArgumentException("unknown type '" + value.stringValue() + "'");
        };
    }

    private Predicate<JsonNode> properties(JsonNode value, URI base) {
        Map<String, Predicate<JsonNode>> byName = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : value.properties()) {
            byName.put(property.getKey(), schema(property.getValue(), base));
        }
        return node -> {
            if (!node.isObject()) {
                return true;
            }
            for (Map.Entry<String, Predicate<JsonNode>> property : byName.entrySet()) {
                JsonNode field = node.get(property.getKey());
                if (field != null && !property.getValue().test(field)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Predicate<JsonNode> required(JsonNode value) {
        List<String> names = new ArrayList<>();
        value.forEach(name -> names.add(name.stringValue()));
        return node -> {
            if (!node.isObject()) {
                return true;
            }
            for (String name : names) {
                if (node.get(name) == null) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Predicate<JsonNode> items(Predicate<JsonNode> item) {
        return node -> {
            if (!node.isArray()) {
                return true;
            }
            for (JsonNode element : node) {
                if (!item.test(element)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Predicate<JsonNode> minimum(BigDecimal minimum) {
        return node -> !node.isNumber() || node.decimalValue().compareTo(minimum) >= 0;
    }

    /**
     * As the schema library matches: anywhere in the string unless anchored, and an anchor holds at the
     * string's very start and end (plain {@code $} would also match before a final line break).
     */
    private static Predicate<JsonNode> pattern(String regex) {
        Predicate<String> handWritten = HandWrittenPatterns.forRegex(regex);
        if (handWritten != null) {
            return node -> !node.isString() || handWritten.test(node.stringValue());
        }
        Pattern pattern = Pattern.compile(regex);
        boolean anchoredAtStart = regex.startsWith("^");
        boolean anchoredAtEnd = regex.endsWith("$");
        return node -> {
            if (!node.isString()) {
                return true;
            }
            Matcher matcher = pattern.matcher(node.stringValue());
            return matcher.find() && (!anchoredAtStart || matcher.start() == 0)
                    && (!anchoredAtEnd || matcher.end() == node.stringValue().length());
        };
    }
}
