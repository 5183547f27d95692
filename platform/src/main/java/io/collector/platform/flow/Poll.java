package io.collector.platform.flow;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Asks again until the answer is there or the time is up: how a client sees an asynchronous flow.
 * The pause starts short and doubles, so a quick answer is seen within milliseconds (the flow's
 * timings measure the platform, not the polling) while a slow one costs few requests.
 */
final class Poll {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(5);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(100);

    private Poll() {
    }

    static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long end = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE.toNanos();
        while (true) {
            Optional<T> answer = probe.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (System.nanoTime() > end) {
                throw new FlowFailedException("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE.toNanos());
        }
    }
}
