package dev.peering.routeserver.bird;

import dev.peering.routeserver.domain.ExchangePolicy;
import dev.peering.routeserver.domain.FamilySession;
import dev.peering.routeserver.domain.LimitAction;
import dev.peering.routeserver.domain.PeerSession;
import dev.peering.routeserver.domain.PrefixLengths;
import dev.peering.routeserver.domain.RegisteredPrefix;
import dev.peering.routeserver.domain.RoaSource;
import dev.peering.routeserver.domain.RouteServer;
import dev.peering.routeserver.domain.SessionMode;
import java.util.List;

/**
 * The route servers the tests generate, one per configuration feature. {@link #walkthrough()} is the
 * README's peering {@code seattle1} at SIX Seattle (reference data: facility 143, AS8075 at
 * 206.81.80.30 and 2001:504:16::1f9b), AS30000's two connections.
 */
final class RouteServers {

    private RouteServers() {}

    static RouteServer walkthrough() {
        return RouteServer.of("206.81.80.30", 8075, "206.81.80.30", "2001:504:16::1f9b")
                .withSession(PeerSession.of(
                        "seattle1_conn_a",
                        "peering seattle1, connection conn-a",
                        30000,
                        new FamilySession("206.81.81.10", 1000),
                        null))
                .withSession(PeerSession.of(
                        "seattle1_conn_b",
                        "peering seattle1, connection conn-b",
                        30000,
                        new FamilySession("206.81.81.11", 1000),
                        new FamilySession("2001:504:16::a:11", 100)));
    }

    /** Every feature that is not the default: passive sessions, MD5, disable on a tripped limit. */
    static RouteServer passiveMd5Disable() {
        return walkthrough()
                .withPolicy(
                        ExchangePolicy.defaults().withMode(SessionMode.PASSIVE).withLimitAction(LimitAction.DISABLE))
                .withSession(PeerSession.of(
                                "seattle1_conn_b",
                                "peering seattle1, connection conn-b",
                                30000,
                                new FamilySession("206.81.81.11", 1000),
                                new FamilySession("2001:504:16::a:11", 100))
                        .withMd5Key("not-a-real-key\\1"));
    }

    /** A lenient exchange: block past the limit, other lengths, no bogon filter, transparent peers. */
    static RouteServer lenient() {
        return walkthrough()
                .withPolicy(new ExchangePolicy(
                        SessionMode.ACTIVE,
                        LimitAction.BLOCK,
                        new PrefixLengths(12, 23),
                        new PrefixLengths(19, 56),
                        false,
                        false));
    }

    /** RPKI from an RTR cache, warn on a tripped limit, a 32-bit peer ASN, a port other than 179. */
    static RouteServer rpkiCache() {
        return walkthrough()
                .withPolicy(ExchangePolicy.defaults().withLimitAction(LimitAction.WARN))
                .withRoaSource(new RoaSource.RtrCache("rtr.example.net", 3323))
                .withPort(1179)
                .withSession(PeerSession.of(
                        "seattle1_conn_c",
                        "peering seattle1, connection conn-c",
                        4_200_000_000L,
                        new FamilySession("206.81.81.12", 20000),
                        new FamilySession("2001:504:16::a:12", 20000)));
    }

    /** Fixed ROAs and registered prefix sets: with more-specifics, exact, and a family with none. */
    static RouteServer registeredAndStaticRoas() {
        RouteServer base = walkthrough()
                .withRoaSource(new RoaSource.StaticRoas(List.of(
                        RoaSource.Roa.of("20.1.0.0/16", 24, 30000),
                        RoaSource.Roa.of("2620:1ec::/36", 48, 30000),
                        RoaSource.Roa.of("13.64.0.0/11", 24, 8075))));
        PeerSession a = base.sessions()
                .get(0)
                .withRegisteredPrefixes(
                        List.of(RegisteredPrefix.exact("20.1.2.0/24"), RegisteredPrefix.upTo("20.1.0.0/16", 24)));
        PeerSession b = base.sessions()
                .get(1)
                .withRegisteredPrefixes(List.of(
                        RegisteredPrefix.upTo("2620:1ec::/36", 48),
                        RegisteredPrefix.exact("2a01:111::/32"),
                        RegisteredPrefix.exact("20.1.2.0/24")));
        return base.withSessions(List.of(a, b))
                .withSession(PeerSession.of(
                                "seattle1_conn_d",
                                "peering seattle1, connection conn-d: registered nothing of IPv6",
                                30000,
                                new FamilySession("206.81.81.13", 10),
                                new FamilySession("2001:504:16::a:13", 10))
                        .withRegisteredPrefixes(List.of(RegisteredPrefix.exact("20.1.3.0/24"))));
    }

    /** A route server with no session yet (and no IPv6 address). */
    static RouteServer empty() {
        return RouteServer.of("206.81.80.30", 8075, "206.81.80.30", null).withLogFile("/var/log/bird/rs-seattle.log");
    }
}
