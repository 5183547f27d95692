package io.collector.platform.demo;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command runs this demo: every spec event reaches every consumer the table names. */
class BusDemoIntegrationTests {

    @Test
    void everySpecExampleEventReachesEveryConsumerOnce() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        DemoReport report = BusDemo.run(2, new PrintStream(output, true, StandardCharsets.UTF_8));

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(report.complete()).as(printed).isTrue();
        assertThat(printed).contains("offer.approved       offers     orders               2         2 ok")
                .contains("payroll.processed    hr         accounting           2         2 ok")
                .contains("dead-lettered: 0")
                .doesNotContain("MISSING");
    }
}
