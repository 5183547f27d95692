package io.collector.eventbus;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with a handler for every event type, for the bus's own integration tests. */
@SpringBootApplication
public class BusTestApplication {
}
