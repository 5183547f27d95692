package io.collector.bench;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The service under test: the bus starter plus one handler ({@link EffectHandler}). */
@SpringBootApplication
public class BenchApplication {

    @Bean
    Probe probe() {
        return new Probe();
    }
}
