package dev.peering.testsupport.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule set fails on each kind of break it is there for, and passes a house built to plan. */
class HousePlanTest {

    private static final String FIXTURES = "dev.peering.testsupport.arch.fixture.";

    @Test
    void aHouseBuiltToPlanPasses() {
        List<String> broken = brokenRules("good");
        assertTrue(broken.isEmpty(), () -> "expected no broken rule, got " + broken);
    }

    @Test
    void aDomainThatCallsBackUpIntoTheApiFails() {
        List<String> broken = brokenRules("backwards");
        assertEquals(1, broken.size(), () -> broken.toString());
        assertTrue(broken.get(0).contains("each floor imports only the floors below it"), broken.get(0));
    }

    @Test
    void aFrameworkImportInTheDomainFails() {
        List<String> broken = brokenRules("framework");
        assertEquals(1, broken.size(), () -> broken.toString());
        assertTrue(broken.get(0).contains("domain/ is plain Java"), broken.get(0));
    }

    @Test
    void aClassOnNoFloorFails() {
        List<String> broken = brokenRules("misplaced");
        assertEquals(1, broken.size(), () -> broken.toString());
        assertTrue(broken.get(0).contains("Loose"), broken.get(0));
    }

    private static List<String> brokenRules(String fixture) {
        String base = FIXTURES + fixture;
        JavaClasses classes = new ClassFileImporter().importPackages(base);
        assertTrue(!classes.isEmpty(), "the fixture " + base + " has classes");
        return HousePlan.evaluate(base, classes).stream()
                .filter(EvaluationResult::hasViolation)
                .map(r -> r.getFailureReport().toString())
                .toList();
    }
}
