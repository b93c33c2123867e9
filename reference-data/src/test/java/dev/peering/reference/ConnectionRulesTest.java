package dev.peering.reference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.core.ArmException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ConnectionRulesTest {

    private static final String C = "properties.direct.connections[0]";
    private static final ConnectionRules RULES = new ConnectionRules(PeeringLocations.load());

    private static BgpSessionConfig v4(String prefix, String microsoft, String peer) {
        return new BgpSessionConfig(prefix, null, microsoft, null, peer, null, 1000, null);
    }

    private static ConnectionConfig seattle(BgpSessionConfig session) {
        return new ConnectionConfig(143, 10000, "Peer", false, session);
    }

    private static final BgpSessionConfig GOOD_V4 = v4("206.81.80.0/22", "206.81.80.30", "206.81.81.10");

    private static void assertField(String field, Executable action) {
        ArmException e = assertThrows(ArmException.class, action);
        assertEquals(400, e.status());
        assertEquals("InvalidRequestContent", e.code());
        assertTrue(e.getMessage().startsWith("'" + field + "'"), e.getMessage());
    }

    @Test
    void aValidConnectionReturnsItsFacility() {
        Facility f = RULES.validate(C, "seattle", seattle(GOOD_V4));
        assertEquals(143, f.peeringDBFacilityId());
        assertEquals("Seattle", f.peeringLocation());
    }

    @Test
    void ipv6SessionIsCheckedWhenGiven() {
        BgpSessionConfig both = new BgpSessionConfig(
                "206.81.80.0/22",
                "2001:504:16::/64",
                "206.81.80.30",
                "2001:504:16::1f9b",
                "206.81.81.10",
                "2001:504:16::2",
                1000,
                100);
        assertDoesNotThrow(() -> RULES.validate(C, "Seattle", seattle(both)));
        BgpSessionConfig outside = new BgpSessionConfig(
                "206.81.80.0/22",
                "2001:504:16::/64",
                "206.81.80.30",
                "2001:504:17::1",
                "206.81.81.10",
                "2001:504:16::2",
                1000,
                100);
        assertField(
                C + ".bgpSession.microsoftSessionIPv6Address", () -> RULES.validate(C, "Seattle", seattle(outside)));
        BgpSessionConfig v6Missing = new BgpSessionConfig(
                "206.81.80.0/22", null, "206.81.80.30", null, "206.81.81.10", "2001:504:16::2", 1000, 100);
        assertField(C + ".bgpSession.sessionPrefixV6", () -> RULES.validate(C, "Seattle", seattle(v6Missing)));
        BgpSessionConfig v4AsV6 = new BgpSessionConfig(
                "206.81.80.0/22", "10.0.0.0/8", "206.81.80.30", "10.0.0.1", "206.81.81.10", "10.0.0.2", 1000, 100);
        assertField(C + ".bgpSession.sessionPrefixV6", () -> RULES.validate(C, "Seattle", seattle(v4AsV6)));
    }

    @Test
    void facilityMustExistAndBeInTheMetro() {
        assertField(
                C + ".peeringDBFacilityId",
                () -> RULES.validate(C, "Seattle", new ConnectionConfig(99999, 10000, "Peer", false, GOOD_V4)));
        assertField(C + ".peeringDBFacilityId", () -> RULES.validate(C, "Amsterdam", seattle(GOOD_V4)));
        assertField(
                C + ".peeringDBFacilityId",
                () -> RULES.validate(C, "Seattle", new ConnectionConfig(null, 10000, "Peer", false, GOOD_V4)));
    }

    @Test
    void sessionAddressProviderMustBePeer() {
        assertField(
                C + ".sessionAddressProvider",
                () -> RULES.validate(C, "Seattle", new ConnectionConfig(143, 10000, "Microsoft", false, GOOD_V4)));
        assertField(
                C + ".sessionAddressProvider",
                () -> RULES.validate(C, "Seattle", new ConnectionConfig(143, 10000, null, false, GOOD_V4)));
    }

    @Test
    void bandwidthMustBeAnOffer() {
        assertField(
                C + ".bandwidthInMbps",
                () -> RULES.validate(C, "Seattle", new ConnectionConfig(143, 1234, "Peer", false, GOOD_V4)));
        assertField(
                C + ".bandwidthInMbps",
                () -> RULES.validate(C, "Seattle", new ConnectionConfig(143, null, "Peer", false, GOOD_V4)));
    }

    @Test
    void sessionAndIpv4PrefixAreRequired() {
        assertField(C + ".bgpSession", () -> RULES.validate(C, "Seattle", seattle(null)));
        assertField(
                C + ".bgpSession.sessionPrefixV4",
                () -> RULES.validate(C, "Seattle", seattle(v4(null, "206.81.80.30", "206.81.81.10"))));
    }

    @Test
    void prefixMustBeAValidCidr() {
        assertField(
                C + ".bgpSession.sessionPrefixV4",
                () -> RULES.validate(C, "Seattle", seattle(v4("206.81.80.0/33", "206.81.80.30", "206.81.81.10"))));
        assertField(
                C + ".bgpSession.sessionPrefixV4",
                () -> RULES.validate(C, "Seattle", seattle(v4("2001:504:16::/64", "206.81.80.30", "206.81.81.10"))));
    }

    @Test
    void addressesMustBeInsideDistinctAndHosts() {
        assertField(
                C + ".bgpSession.microsoftSessionIPv4Address",
                () -> RULES.validate(C, "Seattle", seattle(v4("206.81.80.0/22", "206.81.90.30", "206.81.81.10"))));
        assertField(
                C + ".bgpSession.peerSessionIPv4Address",
                () -> RULES.validate(C, "Seattle", seattle(v4("206.81.80.0/22", "206.81.80.30", "10.0.0.1"))));
        assertField(
                C + ".bgpSession.peerSessionIPv4Address",
                () -> RULES.validate(C, "Seattle", seattle(v4("206.81.80.0/22", "206.81.80.30", "206.81.80.30"))));
        assertField(
                C + ".bgpSession.peerSessionIPv4Address",
                () -> RULES.validate(C, "Seattle", seattle(v4("206.81.80.0/22", "206.81.80.30", "206.81.80.0"))));
        assertField(
                C + ".bgpSession.microsoftSessionIPv4Address",
                () -> RULES.validate(C, "Seattle", seattle(v4("206.81.80.0/22", "206.81.83.255", "206.81.81.10"))));
        assertField(
                C + ".bgpSession.peerSessionIPv4Address",
                () -> RULES.validate(C, "Seattle", seattle(v4("206.81.80.0/22", "206.81.80.30", "not-an-ip"))));
        assertField(
                C + ".bgpSession.microsoftSessionIPv4Address",
                () -> RULES.validate(C, "Seattle", seattle(v4("206.81.80.0/22", null, "206.81.81.10"))));
    }

    @Test
    void maxPrefixesAreBetweenOneAndTwentyThousand() {
        ConnectionConfig zero = seattle(
                new BgpSessionConfig("206.81.80.0/22", null, "206.81.80.30", null, "206.81.81.10", null, 0, null));
        assertField(C + ".bgpSession.maxPrefixesAdvertisedV4", () -> RULES.validate(C, "Seattle", zero));
        ConnectionConfig tooMany = seattle(
                new BgpSessionConfig("206.81.80.0/22", null, "206.81.80.30", null, "206.81.81.10", null, 1, 20001));
        assertField(C + ".bgpSession.maxPrefixesAdvertisedV6", () -> RULES.validate(C, "Seattle", tooMany));
        ConnectionConfig edges = seattle(
                new BgpSessionConfig("206.81.80.0/22", null, "206.81.80.30", null, "206.81.81.10", null, 1, 20000));
        assertDoesNotThrow(() -> RULES.validate(C, "Seattle", edges));
    }

    @Test
    void aSessionAloneNeedsOneFamily() {
        assertField(
                "properties.bgpSession",
                () -> RULES.validateBgpSession(
                        "properties.bgpSession", new BgpSessionConfig(null, null, null, null, null, null, 10, 10)));
        assertDoesNotThrow(() -> RULES.validateBgpSession(
                "properties.bgpSession",
                new BgpSessionConfig(
                        null, "2001:504:16::/64", null, "2001:504:16::1f9b", null, "2001:504:16::2", null, 100)));
    }

    @Test
    void peeringServiceNeedsAnAgreement() {
        assertField(C + ".useForPeeringService", () -> ConnectionRules.useForPeeringService(C, true, false));
        assertDoesNotThrow(() -> ConnectionRules.useForPeeringService(C, true, true));
        assertDoesNotThrow(() -> ConnectionRules.useForPeeringService(C, null, false));
    }
}
