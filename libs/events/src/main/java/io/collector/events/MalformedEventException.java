package io.collector.events;

/** A message body that is not JSON at all (or empty). Never retried: it cannot get better. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
