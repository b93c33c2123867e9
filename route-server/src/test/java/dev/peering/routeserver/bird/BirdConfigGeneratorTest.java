package dev.peering.routeserver.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.routeserver.domain.FamilySession;
import dev.peering.routeserver.domain.PeerSession;
import dev.peering.routeserver.domain.RegisteredPrefix;
import dev.peering.routeserver.domain.RoaSource;
import dev.peering.routeserver.domain.RouteServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BirdConfigGeneratorTest {

    private final BirdConfigGenerator generator = new BirdConfigGenerator();

    @Test
    void theSameSessionsInAnyOrderGiveTheSameText() {
        RouteServer server = RouteServers.registeredAndStaticRoas();
        List<PeerSession> shuffled = new ArrayList<>(server.sessions());
        Collections.reverse(shuffled);
        // Every session's registered prefixes reversed too (conn_b has three, of both families).
        shuffled.replaceAll(s -> {
            List<RegisteredPrefix> prefixes = new ArrayList<>(s.registeredPrefixes());
            Collections.reverse(prefixes);
            return s.withRegisteredPrefixes(prefixes);
        });
        assertTrue(shuffled.stream().anyMatch(s -> s.registeredPrefixes().size() > 2));
        List<RoaSource.Roa> roas = new ArrayList<>(((RoaSource.StaticRoas) server.roaSource()).roas());
        Collections.reverse(roas);

        assertEquals(
                generator.generate(server),
                generator.generate(server.withSessions(shuffled).withRoaSource(new RoaSource.StaticRoas(roas))));
    }

    @Test
    void addingASessionOnlyAddsItsOwnLines() {
        RouteServer before = RouteServers.walkthrough();
        RouteServer after = before.withSession(
                PeerSession.of("seattle1_conn_c", "conn-c", 30000, new FamilySession("206.81.81.12", 10), null));

        String added = generator.generate(after).replace(generator.generate(before), "");

        assertTrue(added.startsWith("\nfilter import_seattle1_conn_c_v4 {"), added);
        assertFalse(added.contains("conn_a") || added.contains("conn_b"), added);
    }

    @Test
    void anMd5KeyBirdCannotQuoteIsRefusedWithoutShowingIt() {
        RouteServer server = RouteServers.walkthrough()
                .withSession(RouteServers.walkthrough().sessions().get(0).withMd5Key("pa\"ss"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generator.generate(server));

        assertEquals(
                "the MD5 key of session seattle1_conn_a contains a double quote or a line break, which a BIRD 2"
                        + " configuration cannot hold",
                e.getMessage());
    }

    @Test
    void aQuoteOrLineBreakInADescriptionBecomesHarmless() {
        RouteServer server = RouteServer.of("206.81.80.30", 8075, "206.81.80.30", null)
                .withSession(PeerSession.of(
                        "x", "the \"best\"\nexchange", 30000, new FamilySession("206.81.81.10", 5), null));

        assertTrue(generator.generate(server).contains("  description \"the 'best' exchange (IPv4, AS30000)\";\n"));
    }

    @Test
    void addressesAreWrittenInTheirCanonicalForm() {
        RouteServer server = RouteServer.of("206.81.80.30", 8075, null, "2001:0504:0016:0:0:0:0:1F9B")
                .withSession(PeerSession.of("x", "", 30000, null, new FamilySession("2001:504:16:0::A:11", 5)));

        String text = generator.generate(server);

        assertTrue(text.contains("  local 2001:504:16::1f9b port 179 as 8075;\n"), text);
        assertTrue(text.contains("  neighbor 2001:504:16::a:11 as 30000;\n"), text);
    }
}
