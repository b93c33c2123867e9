package dev.peering.faultsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The small fault run of {@code .ci/run}: about sixteen seed workflows with every fault once. It needs
 * the four services packaged ({@code mvn -DskipTests package} at the root) and says so when they are not.
 */
class FaultSuiteIT {

    @Test
    void nothingLostNothingAppliedTwiceUnderFaults() throws Exception {
        Outcome outcome = new FaultSuite(SuiteOptions.from(System.getProperties())).run();

        assertTrue(outcome.acknowledged() > 0, "the drive got no request acknowledged at all");
        assertEquals(7, outcome.faults().size(), "every fault is injected once");
        Map<String, Long> nonZero = new java.util.LinkedHashMap<>(outcome.violations());
        nonZero.values().removeIf(count -> count == 0);
        assertEquals(Map.of(), nonZero, () -> outcome.report());
    }
}
