package io.collector.eventbus;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

    private static final JavaClasses BUS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.collector.eventbus");

    @Test
    void publishingAndConsumingDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("..eventbus.outbox..")
                .should().dependOnClassesThat().resideInAPackage("..eventbus.inbound..")
                .check(BUS);
        noClasses().that().resideInAPackage("..eventbus.inbound..")
                .should().dependOnClassesThat().resideInAPackage("..eventbus.outbox..")
                .check(BUS);
    }

    @Test
    void onlyTheConfigurationKnowsSpringBootAutoConfiguration() {
        noClasses().that().resideOutsideOfPackage("..eventbus.config..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.boot.autoconfigure..")
                .check(BUS);
    }

    @Test
    void theBusDependsOnNoServiceOrPlatformCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.collector.services..", "io.collector.platform..")
                .check(BUS);
    }

    @Test
    void handlersAreReachedOnlyThroughTheDispatcherNotTheBrokerTypes() {
        noClasses().that().resideInAPackage("..eventbus.testkit..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.amqp..")
                .check(BUS);
    }
}
