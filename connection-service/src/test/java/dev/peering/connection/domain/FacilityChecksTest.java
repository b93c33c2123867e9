package dev.peering.connection.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.reference.Facility;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FacilityChecksTest {

    private static final Facility SIX = new Facility(
            143,
            "Westin Building Seattle",
            "2001 Sixth Avenue",
            "SIX Seattle",
            "Seattle",
            List.of("206.81.80.0/22"),
            List.of("2001:504:16::/64"),
            List.of("206.81.80.30"),
            List.of("2001:504:16::1f9b"),
            List.of(10000));

    private static SessionAddresses v4(String prefix, String microsoft, String peer, Integer max) {
        return new SessionAddresses("c", prefix, null, microsoft, null, peer, null, max, null);
    }

    private static List<String> check(SessionAddresses s, SessionAddresses... others) {
        return FacilityChecks.check(143, Optional.of(SIX), s, List.of(others));
    }

    @Test
    void aConnectionOnTheExchangeLanPasses() {
        assertEquals(List.of(), check(v4("206.81.80.0/22", "206.81.80.30", "206.81.81.7", 1000)));
        var dual = new SessionAddresses(
                "c",
                "206.81.80.0/22",
                "2001:504:16::/64",
                "206.81.80.30",
                "2001:504:16::1f9b",
                "206.81.81.7",
                "2001:504:16::7",
                1000,
                100);
        assertEquals(List.of(), check(dual));
    }

    @Test
    void aPrefixOrAddressOutsideTheLanIsNamedWithTheLanToUse() {
        List<String> findings = check(v4("192.0.2.0/24", "192.0.2.1", "192.0.2.2", 10));
        assertEquals(3, findings.size(), findings.toString());
        assertTrue(findings.get(0)
                .contains("sessionPrefixV4 192.0.2.0/24 is not inside the SIX Seattle peering LAN 206.81.80.0/22"));
        assertTrue(findings.get(2).contains("peerSessionIPv4Address 192.0.2.2"));
    }

    @Test
    void aPeerAddressAnotherConnectionUsesIsRefusedEvenWrittenDifferently() {
        var mine = new SessionAddresses(
                "a", null, "2001:504:16::/64", null, "2001:504:16::1f9b", null, "2001:504:16::7", null, null);
        var theirs = new SessionAddresses(
                "b", null, "2001:504:16::/64", null, "2001:504:16::1f9b", null, "2001:504:16:0:0:0:0:7", null, null);
        List<String> findings = check(mine, theirs);
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).contains("already used by another connection"));
    }

    @Test
    void theSharedRouteServerAddressIsNotADuplicateButItIsNotAPeerAddress() {
        var other = v4("206.81.80.0/22", "206.81.80.30", "206.81.81.8", null);
        assertEquals(List.of(), check(v4("206.81.80.0/22", "206.81.80.30", "206.81.81.7", null), other));
        List<String> findings = check(v4("206.81.80.0/22", "206.81.80.31", "206.81.80.30", null));
        assertTrue(findings.get(0).contains("is Microsoft's route-server address"), findings.toString());
    }

    @Test
    void maxPrefixesOutOfBoundsAreRefused() {
        List<String> findings = check(v4("206.81.80.0/22", "206.81.80.30", "206.81.81.7", 0));
        assertEquals(List.of("maxPrefixesAdvertisedV4 0 is out of bounds; use 1 to 20000."), findings);
    }

    @Test
    void anUnlistedFacilityFails() {
        List<String> findings = FacilityChecks.check(
                999, Optional.empty(), v4("206.81.80.0/22", "206.81.80.30", "206.81.81.7", null), List.of());
        assertTrue(findings.get(0).contains("Facility 999 is no longer a route-server exchange facility"));
    }
}
