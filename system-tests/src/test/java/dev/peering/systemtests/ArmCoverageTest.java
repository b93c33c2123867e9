package dev.peering.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.testsupport.ArmSpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The README's coverage table lists every operation of peering.json, each served by a service or out of scope. */
class ArmCoverageTest {

    private static final Set<String> SERVED_BY = Set.of(
            "asn-validation-service",
            "peering-service",
            "connection-service",
            "registration-service",
            "every service (gateway: peering-service)",
            ArmCoverage.ROUTE_SERVER_ONLY,
            ArmCoverage.OUT_OF_SCOPE);

    @Test
    void theTableListsEveryOperationOfTheSpecOnce() {
        assertEquals(
                new TreeSet<>(ArmSpec.get().operations().keySet()),
                new TreeSet<>(ArmCoverage.table().keySet()),
                "README's Microsoft.Peering coverage table against peering.json's operationIds");
        List<String> unknown = ArmCoverage.table().values().stream()
                .filter(v -> !SERVED_BY.contains(v))
                .toList();
        assertEquals(List.of(), unknown, "a 'served by' cell names no service");
        assertTrue(ArmCoverage.served().size() >= 35, ArmCoverage.served().toString());
    }
}
