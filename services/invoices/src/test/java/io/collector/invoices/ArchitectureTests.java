package io.collector.invoices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.collector.invoices");

    @Test
    void webAndMessagingCallUseCasesNotRepositories() {
        ArchRule rule = noClasses().that().resideInAnyPackage("..web..", "..messaging..")
                .should().dependOnClassesThat(simpleNameEndingWith("Repository"))
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
                .because("controllers and event handlers go through the *Management use cases");
        rule.check(CLASSES);
    }

    @Test
    void onlyUseCasesUseRepositories() {
        ArchRule rule = classes().that().haveSimpleNameEndingWith("Repository")
                .should().onlyBeAccessed().byClassesThat(simpleNameEndingWith("Management").or(simpleNameEndingWith("Repository")))
                .because("the *Management classes are the use cases; everything else goes through them");
        rule.check(CLASSES);
    }

    @Test
    void noDependencyOnOtherServices() {
        ArchRule rule = noClasses().that().resideInAPackage("io.collector.invoices..")
                .should().dependOnClassesThat(resideInAnyPackage("io.collector..")
                        .and(not(resideInAnyPackage("io.collector.invoices..", "io.collector.events..",
                                "io.collector.eventbus..", "io.collector.service.."))))
                .because("services talk through events only");
        rule.check(CLASSES);
    }
}
