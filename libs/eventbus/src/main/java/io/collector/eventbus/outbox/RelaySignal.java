package io.collector.eventbus.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the relay right after a commit that wrote outbox rows; many wakes fold into one. */
public class RelaySignal {

    private final Semaphore permits = new Semaphore(0);

    public void wake() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits for a wake or the poll interval, whichever comes first. */
    boolean await(Duration pollInterval) throws InterruptedException {
        boolean woken = permits.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        permits.drainPermits();
        return woken;
    }
}
