package dev.peering.routeserver.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteServerTest {

    private static final RouteServer SEATTLE =
            RouteServer.of("206.81.80.30", 8075, "206.81.80.30", "2001:504:16::1f9b");

    private static PeerSession session(String name, String v4, String v6) {
        return PeerSession.of(
                name,
                "",
                30000,
                v4 == null ? null : new FamilySession(v4, 100),
                v6 == null ? null : new FamilySession(v6, 100));
    }

    private static String refusal(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void twoSessionsOfOneNameAreRefused() {
        var server = SEATTLE.withSession(session("conn_a", "206.81.81.10", null));
        assertEquals(
                "two sessions are named conn_a",
                refusal(() -> server.withSessions(
                        List.of(session("conn_a", "206.81.81.10", null), session("Conn_A", "206.81.81.11", null)))));
    }

    @Test
    void twoSessionsWithOnePeerAddressAreRefusedWhateverTheSpelling() {
        assertEquals(
                "two sessions have the peer address 2001:504:16::a:11 (the second is conn_b)",
                refusal(() -> SEATTLE.withSessions(List.of(
                        session("conn_a", null, "2001:504:16::a:11"),
                        session("conn_b", null, "2001:504:16:0:0:0:a:11")))));
    }

    @Test
    void aFamilyTheRouteServerHasNoAddressForIsRefused() {
        var v4Only = RouteServer.of("206.81.80.30", 8075, "206.81.80.30", null);
        assertEquals(
                "session conn_b has an IPV6 part but the route server has no IPV6 address",
                refusal(() -> v4Only.withSession(session("conn_b", "206.81.81.11", "2001:504:16::a:11"))));
    }

    @Test
    void aSessionsPartsMustBeOfTheirFamilies() {
        assertEquals(
                "the IPV4 part of session x has the address 2001:504:16::a:11 of another family",
                refusal(() -> session("x", "2001:504:16::a:11", null)));
        assertEquals("session x has neither an IPv4 nor an IPv6 part", refusal(() -> session("x", null, null)));
    }

    @Test
    void namesAsnsAndLimitsAreChecked() {
        assertEquals(
                "a session name must match [A-Za-z][A-Za-z0-9_]{0,47}, got conn-a",
                refusal(() -> session("conn-a", "206.81.81.10", null)));
        assertEquals(
                "the peer ASN of session x must be 1..4294967295, got 4294967296",
                refusal(() -> PeerSession.of("x", "", 4294967296L, new FamilySession("206.81.81.10", 1), null)));
        assertEquals(
                "maxPrefixesAdvertised must be at least 1, got 0", refusal(() -> new FamilySession("206.81.81.10", 0)));
        assertEquals(
                "the router id must be an IPV4 address, got 2001:504:16::1f9b",
                refusal(() -> RouteServer.of("2001:504:16::1f9b", 8075, null, "2001:504:16::1f9b")));
    }

    @Test
    void prefixBoundsAreChecked() {
        assertEquals(
                "the max length of 20.1.0.0/16 must be 16..32, got 33",
                refusal(() -> RegisteredPrefix.upTo("20.1.0.0/16", 33)));
        assertEquals(
                "IPV4 prefix lengths end at 32, got 8..48",
                refusal(() -> new ExchangePolicy(
                        SessionMode.ACTIVE,
                        LimitAction.WARN,
                        new PrefixLengths(8, 48),
                        new PrefixLengths(16, 48),
                        true,
                        true)));
    }

    @Test
    void theMd5KeyNeverAppearsInToString() {
        var withKey = session("x", "206.81.81.10", null).withMd5Key("s3cret-key");
        assertFalse(withKey.toString().contains("s3cret-key"), withKey.toString());
        assertFalse(SEATTLE.withSession(withKey).toString().contains("s3cret-key"));
    }
}
