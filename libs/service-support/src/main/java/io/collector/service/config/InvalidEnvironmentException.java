package io.collector.service.config;

import java.util.List;

/** Environment variables that cannot work, each named with what it must be. */
public class InvalidEnvironmentException extends RuntimeException {

    private final List<String> problems;

    public InvalidEnvironmentException(List<String> problems) {
        super("Invalid configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
