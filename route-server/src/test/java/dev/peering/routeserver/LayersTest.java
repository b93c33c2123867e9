package dev.peering.routeserver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module's two floors: {@code domain} (the wanted configuration and what a router reports, plain
 * Java) knows nothing of BIRD, so another router (or the simulation) can stand behind the same model.
 */
class LayersTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.peering.routeserver");

    @Test
    void theDomainKnowsNothingOfBird() {
        noClasses()
                .that()
                .resideInAPackage("..routeserver.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..routeserver.bird..")
                .check(CLASSES);
    }

    @Test
    void nothingHereUsesAFramework() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..", "com.fasterxml..")
                .check(CLASSES);
    }
}
