package io.collector.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The spec's example of each event, as a concrete message body shipped in this jar (placeholders
 * filled with real values). Handy for demos, smoke tests and for producers in other languages.
 */
public final class EventExamples {

    private EventExamples() {
    }

    /** The example body of {@code type}, as JSON bytes. */
    public static byte[] load(EventType type) {
        String resource = type.exampleResource();
        try (InputStream in = EventExamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no example " + resource + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
