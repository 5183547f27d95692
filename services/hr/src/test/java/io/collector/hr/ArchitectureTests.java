package io.collector.hr;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.collector.service.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses CLASSES = ServiceArchitecture.classesOf("io.collector.hr");

    @Test
    void webAndMessagingCallOnlyUseCases() {
        ServiceArchitecture.webAndMessagingCallOnlyUseCases().check(CLASSES);
    }

    @Test
    void onlyUseCasesUseRepositories() {
        ServiceArchitecture.onlyUseCasesUseRepositories().check(CLASSES);
    }

    @Test
    void dependsOnNoOtherService() {
        ServiceArchitecture.dependsOnNoOtherService("io.collector.hr").check(CLASSES);
    }
}
