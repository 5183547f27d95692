package io.collector.service.testkit;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rules DESIGN.md sets for every service, for each service's {@code ArchitectureTests}. */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    /** The service's production classes, e.g. {@code classesOf("io.collector.orders")}. */
    public static JavaClasses classesOf(String servicePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(servicePackage);
    }

    /** Controllers and event handlers are thin: one call to a {@code *Management} use case, never storage. */
    public static ArchRule webAndMessagingCallOnlyUseCases() {
        return noClasses().that().resideInAnyPackage("..web..", "..messaging..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
                .because("controllers and event handlers are thin: one call to a *Management use case");
    }

    /** Storage is reached through the use cases only. */
    public static ArchRule onlyUseCasesUseRepositories() {
        return classes().that().haveSimpleNameEndingWith("Repository")
                .should().onlyBeAccessed().byClassesThat(topLevelNameEndingWith("Management").or(topLevelNameEndingWith("Repository")));
    }

    /** The class, or the class it is nested in, has a name ending so: a use case's helper belongs to the use case. */
    private static DescribedPredicate<JavaClass> topLevelNameEndingWith(String suffix) {
        return DescribedPredicate.describe("are (in) classes named *" + suffix,
                type -> type.getName().replaceFirst("\\$.*", "").endsWith(suffix));
    }

    /** A service depends on the libraries only, never on another service. */
    public static ArchRule dependsOnNoOtherService(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat(resideInAnyPackage("io.collector..")
                        .and(DescribedPredicate.not(resideInAnyPackage(servicePackage + "..",
                                "io.collector.events..", "io.collector.eventbus..", "io.collector.service.."))))
                .because("services talk through events; a service needing another's data keeps a projection");
    }
}
