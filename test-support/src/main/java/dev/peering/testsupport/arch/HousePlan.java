package dev.peering.testsupport.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;

/**
 * The house plan every service follows (README, "Inside a service"), as ArchUnit rules, so that
 * {@code mvn verify} checks it. From the top floor down:
 *
 * <pre>
 *   api/  messaging/      REST resources and bodies; thin @Incoming adapters
 *   service/              use cases (@Transactional), schedulers, event handlers, the publisher
 *   mapping/              domain/entity -> event, entity -> domain, JSON column converters
 *   persistence/          entities and repositories
 *   domain/               plain Java: states, state machines, rules, value records
 * </pre>
 *
 * plus {@code config/} ({@code @ConfigMapping} interfaces) beside them. Nothing imports a floor above
 * its own, and {@code domain/} imports no framework.
 */
public final class HousePlan {

    /** The packages below a service's base package, each one floor of the plan. */
    public static final List<String> FLOORS =
            List.of("api", "messaging", "service", "mapping", "persistence", "domain", "config");

    private HousePlan() {}

    /** Checks a service's production classes (not its tests) against every rule; throws on the first broken one. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        if (classes.isEmpty()) {
            throw new AssertionError(
                    "no classes found under " + basePackage + ": the plan was checked against nothing");
        }
        for (ArchRule rule : rules(basePackage)) {
            rule.check(classes);
        }
    }

    /** What each rule says about the classes: empty where all hold. Used by the rule set's own test. */
    public static List<EvaluationResult> evaluate(String basePackage, JavaClasses classes) {
        return rules(basePackage).stream().map(r -> r.evaluate(classes)).toList();
    }

    static List<ArchRule> rules(String base) {
        // A service without, say, a scheduler has nothing for that rule to check: that is not a failure.
        return plan(base).stream().map(rule -> rule.allowEmptyShould(true)).toList();
    }

    private static List<ArchRule> plan(String base) {
        String api = base + ".api..";
        String messaging = base + ".messaging..";
        String service = base + ".service..";
        String mapping = base + ".mapping..";
        String persistence = base + ".persistence..";
        String domain = base + ".domain..";
        String config = base + ".config..";
        return List.of(
                layeredArchitecture()
                        .consideringOnlyDependenciesInLayers()
                        .layer("api")
                        .definedBy(api)
                        .layer("messaging")
                        .definedBy(messaging)
                        .layer("service")
                        .definedBy(service)
                        .layer("mapping")
                        .definedBy(mapping)
                        .layer("persistence")
                        .definedBy(persistence)
                        .layer("domain")
                        .definedBy(domain)
                        .layer("config")
                        .definedBy(config)
                        .whereLayer("api")
                        .mayNotBeAccessedByAnyLayer()
                        .whereLayer("messaging")
                        .mayNotBeAccessedByAnyLayer()
                        .whereLayer("service")
                        .mayOnlyBeAccessedByLayers("api", "messaging")
                        .whereLayer("mapping")
                        .mayOnlyBeAccessedByLayers("service")
                        .whereLayer("persistence")
                        .mayOnlyBeAccessedByLayers("service", "mapping")
                        .whereLayer("domain")
                        .mayOnlyBeAccessedByLayers("api", "service", "mapping", "persistence")
                        .whereLayer("config")
                        .mayOnlyBeAccessedByLayers("api", "service")
                        .because("each floor imports only the floors below it"),
                noClasses()
                        .that()
                        .resideInAPackage(domain)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                "io.quarkus..",
                                "io.smallrye..",
                                "io.vertx..",
                                "jakarta..",
                                "javax..",
                                "org.hibernate..",
                                "org.eclipse.microprofile..",
                                "org.apache.kafka..",
                                "com.fasterxml..",
                                "dev.peering.platform..",
                                "dev.peering.events..",
                                "dev.peering.reference.cdi..")
                        .because("domain/ is plain Java: states, rules and values, testable without a container"),
                classes()
                        .should()
                        .resideInAnyPackage(api, messaging, service, mapping, persistence, domain, config)
                        .because("a reader finds every class on one of the plan's floors"),
                classes()
                        .that()
                        .areAnnotatedWith("jakarta.ws.rs.Path")
                        .should()
                        .resideInAPackage(api)
                        .because("REST resources live in api/"),
                classes()
                        .that()
                        .areAnnotatedWith("jakarta.persistence.Entity")
                        .or()
                        .areAnnotatedWith("jakarta.persistence.MappedSuperclass")
                        .should()
                        .resideInAPackage(persistence)
                        .because("entities live in persistence/"),
                classes()
                        .that()
                        .areAnnotatedWith("jakarta.transaction.Transactional")
                        .should()
                        .resideInAPackage(service)
                        .because("transactions begin in the use cases of service/"),
                methods()
                        .that()
                        .areAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming")
                        .should()
                        .beDeclaredInClassesThat()
                        .resideInAPackage(messaging)
                        .because("consumers are thin adapters in messaging/"),
                methods()
                        .that()
                        .areAnnotatedWith("io.quarkus.scheduler.Scheduled")
                        .or()
                        .areAnnotatedWith("jakarta.transaction.Transactional")
                        .should()
                        .beDeclaredInClassesThat()
                        .resideInAPackage(service)
                        .because("schedules and transactions belong to service/"));
    }
}
