package dev.peering.faultsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.faultsuite.faults.FaultPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The small fault run of {@code .ci/run}: about sixteen seed workflows with every fault once. It needs
 * the four services packaged ({@code mvn -DskipTests package} at the root) and says so when they are not.
 */
class FaultSuiteIT {

    @Test
    void nothingLostNothingAppliedTwiceUnderFaults() throws Exception {
        SuiteOptions options = SuiteOptions.from(System.getProperties());
        Outcome outcome = new FaultSuite(options).run();

        assertTrue(outcome.acknowledged() > 0, "the drive got no request acknowledged at all");
        assertEquals(10, outcome.faults().size(), "every fault is injected once");
        List<String> idle = outcome.faults().stream()
                .filter(f -> f.inFlight() == 0)
                .map(FaultPlan.Injected::what)
                .toList();
        assertEquals(List.of(), idle, "faults that met no workflow in flight prove nothing");
        assertTrue(
                outcome.relayFailuresWhileBrokerFrozen() > 0,
                "the broker's freeze did not outlast the producers' delivery timeout: no relay pass failed");
        Map<String, Long> nonZero = new java.util.LinkedHashMap<>(outcome.violations());
        nonZero.values().removeIf(count -> count == 0);
        assertEquals(Map.of(), nonZero, () -> outcome.report());
    }
}
