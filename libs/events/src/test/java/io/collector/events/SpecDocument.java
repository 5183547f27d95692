package io.collector.events;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The contract as written: docs/spec/event-integration.md, read from the module directory (surefire's working directory). */
final class SpecDocument {

    static final Path LOCATION = Path.of("../../docs/spec/event-integration.md");

    /** Suffix the spec puts on optional field names, e.g. {@code correlationId?}. */
    static final String OPTIONAL_MARK = "?";

    /** A row of the integration table, with the spec's display names. */
    record Row(String event, String producer, List<String> consumers) {
    }

    private SpecDocument() {
    }

    static String text() {
        try {
            return Files.readString(LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spec at " + LOCATION.toAbsolutePath().normalize(), e);
        }
    }

    /** The rows of "Complete Event Integration Table", header and separator left out. */
    static List<Row> integrationTable() {
        String text = text();
        int start = text.indexOf("## Complete Event Integration Table");
        if (start < 0) {
            throw new IllegalStateException("the spec has no integration table");
        }
        int end = text.indexOf("\n## ", start + 1);
        return text.substring(start, end < 0 ? text.length() : end).lines()
                .filter(line -> line.startsWith("|"))
                .map(line -> Arrays.stream(line.split("\\|")).map(String::trim).toList())
                .filter(cells -> cells.get(1).startsWith("`")) // skips the header and the |---| line
                .map(cells -> new Row(
                        cells.get(1).replace("`", ""),
                        cells.get(2),
                        Arrays.stream(cells.get(3).split(",")).map(String::trim).toList()))
                .toList();
    }

    /**
     * The spec's example of an event as a JSON tree. The spec writes TypeScript-like objects, so
     * keys are quoted here; optional keys keep their {@link #OPTIONAL_MARK}.
     */
    static JsonNode example(String wireName) {
        Matcher block = Pattern.compile("### \\d+\\. " + Pattern.quote(wireName) + "\\s.*?```typescript\\n(.*?)```", Pattern.DOTALL)
                .matcher(text());
        if (!block.find()) {
            throw new IllegalStateException("the spec has no example of " + wireName);
        }
        String json = block.group(1).replaceAll("(?m)^(\\s*)(\\w+\\??):", "$1\"$2\":");
        return EventJson.mapper().readTree(json);
    }

    static boolean isOptional(String specKey) {
        return specKey.endsWith(OPTIONAL_MARK);
    }

    static String fieldName(String specKey) {
        return isOptional(specKey) ? specKey.substring(0, specKey.length() - 1) : specKey;
    }
}
