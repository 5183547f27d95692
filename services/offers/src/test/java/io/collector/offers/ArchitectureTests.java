package io.collector.offers;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.collector.offers");

    @Test
    void webAndMessagingCallOnlyUseCasesNeverRepositories() {
        ArchRule rule = noClasses().that().resideInAnyPackage("..web..", "..messaging..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
                .because("the web and messaging adapters go through the *Management use cases");
        rule.check(CLASSES);
    }

    @Test
    void dependsOnNoOtherService() {
        ArchRule rule = noClasses().that().resideInAPackage("io.collector.offers..")
                .should().dependOnClassesThat(resideInAPackage("io.collector..").and(resideOutsideOfPackages(
                        "io.collector.offers..", "io.collector.events..", "io.collector.eventbus..", "io.collector.service..")));
        rule.check(CLASSES);
    }
}
