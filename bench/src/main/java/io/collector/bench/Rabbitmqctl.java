package io.collector.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** {@code rabbitmqctl eval}, for what the broker only tells from inside (its processes, its data directory). */
final class Rabbitmqctl {

    /** Thrown with a reason for the report when the broker cannot be asked (no {@code rabbitmqctl}, a remote broker). */
    static final class Unavailable extends Exception {
        Unavailable(String reason) {
            super(reason);
        }
    }

    private Rabbitmqctl() {
    }

    /** The printed value of an Erlang expression evaluated in the broker. */
    static String eval(BenchConfig config, String expression) throws Unavailable, InterruptedException {
        try {
            Process process = new ProcessBuilder(config.rabbitmqctl, "eval", expression)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new Unavailable(config.rabbitmqctl + " eval failed: " + output.lines().findFirst().orElse(""));
            }
            return output;
        } catch (IOException e) {
            throw new Unavailable("cannot run " + config.rabbitmqctl + ": " + e.getMessage());
        }
    }
}
