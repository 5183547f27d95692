package io.collector.service.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a bad environment as Spring Boot prints a failed start: what is wrong, then what to do. */
public class InvalidEnvironmentFailureAnalyzer extends AbstractFailureAnalyzer<InvalidEnvironmentException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidEnvironmentException cause) {
        return new FailureAnalysis("Collector cannot start with these environment variables:\n  - "
                + String.join("\n  - ", cause.problems()),
                "Fix or unset them (every variable has a default for a local run; README.md, Configuration).", cause);
    }
}
