package io.collector.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Holds the catalog in code ({@link EventType}), the spec and the shipped schemas together. */
class EventCatalogTests {

    /** The spec's display names of services → the short names of {@link EventType}. */
    private static final Map<String, String> SERVICE_NAMES = Map.ofEntries(
            Map.entry("Offers", "offers"),
            Map.entry("Orders", "orders"),
            Map.entry("Inventory", "inventory"),
            Map.entry("Delivery Notes", "delivery"),
            Map.entry("Invoices", "invoices"),
            Map.entry("Payment / Invoices", "invoices"),
            Map.entry("CRM", "crm"),
            Map.entry("Accounting", "accounting"),
            Map.entry("Procurement", "procurement"),
            Map.entry("Project Mgmt", "projects"),
            Map.entry("HR / Payroll", "hr"),
            Map.entry("HR", "hr"));

    /** Our additive envelope fields (DESIGN.md §3), which the spec's examples do not show. */
    private static final Set<String> ADDITIVE_FIELDS = Set.of("eventId", "version", "causationId");

    @Test
    void integrationTableHasOneRowPerEventType() {
        List<SpecDocument.Row> rows = SpecDocument.integrationTable();

        assertThat(rows).hasSize(11);
        assertThat(rows).extracting(SpecDocument.Row::event)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::wireName).toList());
    }

    @Test
    void everyRowOfTheIntegrationTableMatchesTheCatalog() {
        for (SpecDocument.Row row : SpecDocument.integrationTable()) {
            EventType type = EventType.fromWireName(row.event());

            assertThat(type.producer()).as("producer of %s", row.event()).isEqualTo(serviceName(row.producer()));
            assertThat(type.consumers()).as("consumers of %s", row.event())
                    .containsExactlyElementsOf(row.consumers().stream().map(EventCatalogTests::serviceName).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeShipsASchemaAndAnExample(EventType type) {
        assertThat(EventCatalogTests.class.getClassLoader().getResource(type.schemaResource())).as(type.schemaResource()).isNotNull();
        assertThat(EventCatalogTests.class.getClassLoader().getResource(type.exampleResource())).as(type.exampleResource()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsForItsTypeAndDraft202012(EventType type) {
        JsonNode schema = schema(type);

        assertThat(schema.path("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").stringValue()).isEqualTo(EventValidator.SCHEMA_BASE_URI + EventValidator.schemaFileName(type));
        assertThat(schema.at("/properties/type/const").stringValue()).isEqualTo(type.wireName());
        assertThat(schema.has("additionalProperties")).as("unknown fields must stay allowed").isFalse();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDeclaresExactlyTheFieldsOfThePayloadRecord(EventType type) {
        List<String> differences = new ArrayList<>();
        compareFields(schema(type).at("/properties/data"), type.payloadType(), "data", differences);

        assertThat(differences).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRequiresExactlyTheFieldsTheSpecDoesNotMarkOptional(EventType type) {
        JsonNode spec = SpecDocument.example(type.wireName());
        JsonNode schema = schema(type);
        JsonNode envelope = bundledJson("io/collector/events/schemas/envelope.schema.json");

        Set<String> envelopeRequired = union(names(envelope.path("required")), names(schema.path("required")));
        Set<String> envelopeDeclared = union(names(envelope.path("properties")), names(schema.path("properties")));
        envelopeDeclared.removeAll(ADDITIVE_FIELDS);
        // DESIGN.md §3 makes correlationId optional on every event, though some spec examples show it without '?'.
        Set<String> specRequired = requiredIn(spec);
        specRequired.remove("correlationId");
        assertThat(envelopeRequired).as("required envelope fields").isEqualTo(specRequired);
        assertThat(envelopeDeclared).as("envelope fields").isEqualTo(fieldsIn(spec));

        List<String> differences = new ArrayList<>();
        compareRequired(spec.path("data"), schema.at("/properties/data"), "data", differences);
        assertThat(differences).isEmpty();
    }

    /** Schema properties against record components, descending into lists of records (line items). */
    private static void compareFields(JsonNode objectSchema, Class<?> record, String path, List<String> differences) {
        Set<String> declared = names(objectSchema.path("properties"));
        Set<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!declared.equals(components)) {
            differences.add(path + ": schema declares " + declared + ", " + record.getSimpleName() + " has " + components);
        }
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> element = listElementType(component.getGenericType());
            if (element != null && element.isRecord()) {
                compareFields(objectSchema.at("/properties/" + component.getName() + "/items"), element,
                        path + "." + component.getName() + "[]", differences);
            }
        }
    }

    /** Required-ness in the schema against the spec's {@code ?} marks, descending into arrays of objects. */
    private static void compareRequired(JsonNode specObject, JsonNode objectSchema, String path, List<String> differences) {
        Set<String> required = names(objectSchema.path("required"));
        if (!required.equals(requiredIn(specObject))) {
            differences.add(path + ": schema requires " + required + ", the spec " + requiredIn(specObject));
        }
        if (!names(objectSchema.path("properties")).equals(fieldsIn(specObject))) {
            differences.add(path + ": schema declares " + names(objectSchema.path("properties")) + ", the spec " + fieldsIn(specObject));
        }
        specObject.properties().forEach(property -> {
            JsonNode value = property.getValue();
            if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                String name = SpecDocument.fieldName(property.getKey());
                compareRequired(value.get(0), objectSchema.at("/properties/" + name + "/items"), path + "." + name + "[]", differences);
            }
        });
    }

    private static Class<?> listElementType(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    private static Set<String> requiredIn(JsonNode specObject) {
        return specObject.propertyNames().stream().filter(key -> !SpecDocument.isOptional(key))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> fieldsIn(JsonNode specObject) {
        return specObject.propertyNames().stream().map(SpecDocument::fieldName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Property names of an object node, or the strings of an array node (a "required" list). */
    private static Set<String> names(JsonNode node) {
        if (node.isArray()) {
            return node.values().stream().map(JsonNode::stringValue).collect(Collectors.toCollection(TreeSet::new));
        }
        return new TreeSet<>(node.propertyNames());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return new TreeSet<>(union);
    }

    private static String serviceName(String displayName) {
        String name = SERVICE_NAMES.get(displayName);
        assertThat(name).as("short name of the spec's service '%s'", displayName).isNotNull();
        return name;
    }

    private static JsonNode schema(EventType type) {
        return bundledJson(type.schemaResource());
    }

    private static JsonNode bundledJson(String resource) {
        try (InputStream in = EventCatalogTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
