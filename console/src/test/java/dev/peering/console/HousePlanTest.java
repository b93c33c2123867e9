package dev.peering.console;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The console's floors (ADR 0001, without a database): api/ on service/ on config/, nothing upward. */
class HousePlanTest {

    @Test
    void theLayersOnlyCallDownward() {
        // the module's own classes only: scanning the whole class path for the package takes seconds
        JavaClasses classes = new ClassFileImporter().importPath(Path.of("target/classes"));
        if (classes.isEmpty()) {
            throw new AssertionError("no classes in target/classes: the plan was checked against nothing");
        }
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("api")
                .definedBy("dev.peering.console.api..")
                .layer("service")
                .definedBy("dev.peering.console.service..")
                .layer("config")
                .definedBy("dev.peering.console.config..")
                .whereLayer("api")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("service")
                .mayOnlyBeAccessedByLayers("api")
                .whereLayer("config")
                .mayOnlyBeAccessedByLayers("api", "service")
                .check(classes);
    }
}
