package io.collector.hr;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.collector.hr");

    @Test
    void webAndMessagingOnlyCallUseCasesNotRepositories() {
        ArchRule rule = noClasses().that().resideInAnyPackage("..web..", "..messaging..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
                .because("controllers and event handlers are thin: one call to a *Management use case");
        rule.check(CLASSES);
    }

    @Test
    void theOnlyHrBeansWebAndMessagingUseAreUseCases() {
        ArchRule rule = noClasses().that().resideInAnyPackage("..web..", "..messaging..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "are hr beans other than the *Management use cases",
                        type -> type.getPackageName().startsWith("io.collector.hr")
                                && !type.getSimpleName().endsWith("Management")
                                && (type.isAnnotatedWith(Service.class) || type.isAnnotatedWith(Repository.class)
                                    || type.isAnnotatedWith(Component.class))));
        rule.check(CLASSES);
    }

    @Test
    void dependsOnNoOtherService() {
        ArchRule rule = noClasses().that().resideInAPackage("io.collector.hr..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "belong to another Collector service",
                        type -> type.getPackageName().startsWith("io.collector.")
                                && !type.getPackageName().equals("io.collector.hr")
                                && !type.getPackageName().startsWith("io.collector.hr.")
                                && !type.getPackageName().startsWith("io.collector.events")
                                && !type.getPackageName().startsWith("io.collector.eventbus")
                                && !type.getPackageName().startsWith("io.collector.service")));
        rule.check(CLASSES);
    }
}
