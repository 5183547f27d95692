package io.collector.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The contracts jar is shared by every service, whatever its framework: keep it lean. */
class ArchitectureTests {

    private static final JavaClasses EVENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.collector.events");

    @Test
    void eventsDoNotDependOnSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(EVENTS);
    }

    @Test
    void payloadsDependOnlyOnTheJdkAndTheEventsPackage() {
        classes().that().resideInAPackage("io.collector.events.payload..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.collector.events..")
                .check(EVENTS);
    }

    @Test
    void onlyTheValidatorKnowsTheSchemaLibrary() {
        noClasses().that().doNotHaveSimpleName("EventValidator")
                .should().dependOnClassesThat().resideInAPackage("com.networknt..")
                .check(EVENTS);
    }
}
