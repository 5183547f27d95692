package io.collector.events.asyncapi;

import io.collector.events.EventType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** docs/asyncapi.yaml is the catalog of the code: generated, committed, and held to the code here. */
class AsyncApiDocumentTests {

    /** Surefire runs in the module directory, libs/events. */
    private static final Path COMMITTED = Path.of("../..").resolve(AsyncApiDocument.DEFAULT_PATH);
    private static final String REGENERATE = "mvn -B -o test -pl libs/events -Dtest=AsyncApiDocumentTests -Dasyncapi.regenerate=true";

    @Test
    void committedDocumentIsTheGeneratedOne() throws IOException {
        String generated = AsyncApiDocument.yaml();
        if (Boolean.getBoolean("asyncapi.regenerate")) {
            AsyncApiDocument.write(COMMITTED);
        }
        if (!Files.exists(COMMITTED)) {
            fail(COMMITTED.toAbsolutePath().normalize() + " is missing; regenerate with: " + REGENERATE);
        }
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        if (!committed.equals(generated)) {
            fail(AsyncApiDocument.DEFAULT_PATH + " differs from the document generated from EventType and the schemas "
                    + "(first difference at line " + firstDifferentLine(committed, generated) + "); regenerate with: " + REGENERATE);
        }
    }

    @Test
    void everyEventHasAChannelASendAndAReceivePerSubscriber() {
        JsonNode doc = AsyncApiDocument.tree();
        assertThat(doc.get("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(doc.get("channels").size()).isEqualTo(EventType.values().length);
        for (EventType type : EventType.values()) {
            String id = AsyncApiDocument.camel(type.wireName());
            JsonNode channel = doc.get("channels").get(id);
            assertThat(channel.get("address").asString()).isEqualTo(type.wireName());
            assertThat(channel.at("/bindings/amqp/exchange/name").asString()).isEqualTo("collector-events");
            assertThat(channel.at("/bindings/amqp/exchange/type").asString()).isEqualTo("topic");
            assertThat(doc.at("/operations/" + type.producer() + "_send_" + id + "/action").asString()).isEqualTo("send");
            for (String consumer : type.consumers()) {
                assertThat(doc.at("/operations/" + consumer + "_receive_" + id + "/x-queue").asString())
                        .isEqualTo(consumer + "." + type.wireName());
            }
            assertThat(doc.at("/components/messages/" + id + "/payload/allOf/1/properties/type/const").asString())
                    .isEqualTo(type.wireName());
        }
        // the subscriptions beyond the spec's table
        assertThat(doc.at("/operations/crm_receive_invoiceIssued/action").asString()).isEqualTo("receive");
        assertThat(doc.at("/operations/accounting_receive_invoicePaid/action").asString()).isEqualTo("receive");
        assertThat(doc.at("/operations/delivery_receive_orderCreated/action").asString()).isEqualTo("receive");
        assertThat(doc.at("/operations/invoices_receive_orderCreated/action").asString()).isEqualTo("receive");
        long receives = doc.get("operations").valueStream().filter(o -> o.get("action").asString().equals("receive")).count();
        assertThat(receives).isEqualTo(11 + 4);
    }

    @Test
    void everyReferenceResolvesInsideTheDocument() {
        ObjectNode doc = AsyncApiDocument.tree();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).as("only local references").startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
        }
    }

    @Test
    void theCommittedYamlParses() throws IOException {
        JsonNode parsed = new YAMLMapper().readTree(AsyncApiDocument.yaml());
        assertThat(parsed).isEqualTo(AsyncApiDocument.tree());
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isString()) {
                    refs.add(e.getValue().asString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }

    private static int firstDifferentLine(String a, String b) {
        String[] left = a.split("\n", -1);
        String[] right = b.split("\n", -1);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            if (!left[i].equals(right[i])) {
                return i + 1;
            }
        }
        return Math.min(left.length, right.length) + 1;
    }
}
