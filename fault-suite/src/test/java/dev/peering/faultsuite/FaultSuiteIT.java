package dev.peering.faultsuite;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.faultsuite.faults.FaultPlan;
import java.util.LinkedHashMap;
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

        List<String> idle = outcome.faults().stream()
                .filter(f -> f.inFlight() == 0)
                .map(FaultPlan.Injected::what)
                .toList();
        Map<String, Long> nonZero = new LinkedHashMap<>(outcome.violations());
        nonZero.values().removeIf(count -> count == 0);
        assertAll(
                () -> assertTrue(outcome.acknowledged() > 0, "the drive got no request acknowledged at all"),
                () -> assertEquals(10, outcome.faults().size(), "every fault is injected once"),
                () -> assertEquals(List.of(), idle, "faults that met no workflow in flight prove nothing"),
                // A cluster (fault.brokers=3) moves the frozen leader's partitions to another node within its
                // session timeout, so the relay's sends may well succeed: only a single broker must fail them.
                () -> assertTrue(
                        options.brokers() > 1 || outcome.relayFailuresWhileBrokerFrozen() > 0,
                        "the broker's freeze did not outlast the producers' delivery timeout: no outbox relay"
                                + " pass failed while it lasted"),
                () -> assertTrue(
                        outcome.findings().stream().anyMatch(f -> f.startsWith("operator approve"))
                                && outcome.findings().stream().anyMatch(f -> f.startsWith("operator reject")),
                        "no operator approved or rejected a PeerAsn during the run"),
                () -> assertTrue(
                        outcome.findings().stream().anyMatch(f -> f.startsWith("operator block: blocked in")),
                        "no operator blocked (and unblocked) a connection during the run"),
                () -> assertTrue(
                        outcome.findings().stream().anyMatch(f -> f.startsWith("operator fail: failed in")),
                        "no operator failed (and retried) a connection during the run"),
                () -> assertEquals(Map.of(), nonZero, outcome::report));
    }
}
