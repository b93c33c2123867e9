package dev.peering.connection;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.ConnectionEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.events.Topics;
import dev.peering.routeserver.bird.BirdCommands;
import dev.peering.routeserver.bird.BirdProtocolsParser;
import dev.peering.routeserver.domain.SessionStatus;
import dev.peering.routeserver.lab.ExchangeLan;
import dev.peering.routeserver.lab.LabRouter;
import dev.peering.routeserver.lab.PeerConfig;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TestTokens;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The bird adapter against a real BIRD 2 route server on an emulated exchange LAN ({@link RouteServerLan}):
 * two connections of one peering, each with a peer BIRD announcing three prefixes. Their sessions reach
 * Established because the router says so; ReceivedRoutes lists the prefixes; the looking glass pings,
 * traceroutes and shows routes from the route server, each caller only its own; a third connection's MD5
 * key changes in the key source alone and the router re-keys its session; removing one connection removes
 * its protocol and leaves the other session up; a fourth prefix trips the other's max-prefix limit (3)
 * and its event says why. Needs root and bird2 (CI has both); elsewhere it is skipped with a warning.
 */
@QuarkusTest
@TestProfile(RouteServerIT.Bird.class)
@EnabledIf("available")
@QuarkusTestResource(TokensTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class RouteServerIT {

    /** The bird adapter on the emulated LAN; the only profile of the route-server tests. */
    public static class Bird implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RouteServerLan.class));
        }
    }

    private static final Duration BGP = Duration.ofSeconds(60);

    static boolean available() {
        RouteServerLan.UNAVAILABLE.ifPresent(why -> System.err.println(
                "WARNING: RouteServerIT SKIPPED: " + why + ". The bird adapter was NOT tested against a real BIRD."));
        return RouteServerLan.UNAVAILABLE.isEmpty();
    }

    @Test
    void sessionsFollowTheRouterThroughRemovalAndAMaxPrefixTrip() {
        try (ExchangeLan lan = RouteServerLan.attach();
                TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            Fixtures f = new Fixtures().created();
            String a = Fixtures.nextPeerV4();
            String b = Fixtures.nextPeerV4();
            PeerConfig peerA = peer(a, List.of("20.1.1.0/24", "20.1.2.0/24", "20.1.3.0/24"));
            PeerConfig peerB = peer(b, List.of("20.2.1.0/24", "20.2.2.0/24", "20.2.3.0/24"));
            lan.start("pa", a, null, peerA.text());
            LabRouter routerB = lan.start("pb", b, null, peerB.text());
            PeeringEvent.Connection ca = connection("ca", a, false);
            PeeringEvent.Connection cb = connection("cb", b, false);
            f.request(ca, cb);
            // another peering's connection with an MD5 key, whose key then changes
            Fixtures g = new Fixtures().created();
            String c = Fixtures.nextPeerV4();
            System.setProperty(RouteServerLan.KEY_PROPERTY + g.connectionId("cc"), "first-Key-1");
            PeerConfig peerC = peer(c, List.of("20.3.1.0/24")).withMd5Key("first-Key-1");
            LabRouter routerC = lan.start("pc", c, null, peerC.text());
            g.request(connection("cc", c, true));
            f.awaitConnection("ca");
            f.awaitConnection("cb");
            g.awaitConnection("cc");
            f.operator("ca", "approve", 200);
            f.operator("cb", "approve", 200);
            g.operator("cc", "approve", 200);

            awaitSession(f, "ca", "Established");
            awaitSession(f, "cb", "Established");
            ConnectionEvent up =
                    sessionEvent(topic, f.connectionId("cb"), e -> "Established".equals(e.sessionStateV4()));
            assertTrue(up.reason().contains("route server: up/Established"), up.reason());
            // the router is read every 200 ms, and says Established each time: one event, not one per read
            topic.awaitExactly(
                    r -> r.event() != null
                            && f.connectionId("cb").equals(r.event().subject())
                            && r.event().type().equals(ConnectionEvent.SESSION_STATE_CHANGED)
                            && "Established"
                                    .equals(r.event()
                                            .dataAs(ConnectionEvent.class)
                                            .sessionStateV4()),
                    1);
            SessionStatus before = protocol("_cb_").orElseThrow();
            assertEquals(Optional.of(3), before.importedRoutes(), "peer B's three prefixes on the route server");
            receivedRoutesListTheAnnouncedPrefixes(f, a, b);
            theLookingGlassLooksFromTheRouteServer(f, a, b);
            aChangedMd5KeyAloneReKeysTheSession(g, routerC, peerC, topic);

            // Removing connection ca takes its protocol off the router; cb's session is not restarted.
            f.send(PeeringEvent.CONNECTION_REMOVAL_REQUESTED, List.of(ca));
            await().atMost(BGP).until(() -> Fixtures.api().get(f.path("ca")).statusCode() == 404);
            await().atMost(BGP).until(() -> protocol("_ca_").isEmpty());
            SessionStatus after = protocol("_cb_").orElseThrow();
            assertEquals("Established", after.state().name());
            assertEquals(before.since(), after.since(), "cb's session was restarted by cc's new key or ca's removal");

            // A fourth prefix is one past cb's limit: the router shuts the session and the event says why.
            routerB.reconfigure(peerB.announcing(List.of("20.2.1.0/24", "20.2.2.0/24", "20.2.3.0/24", "20.2.4.0/24"))
                    .text());
            await().atMost(BGP).until(() -> !"Established".equals(f.get("cb").getString("bgpSession.sessionStateV4")));
            ConnectionEvent dropped =
                    sessionEvent(topic, f.connectionId("cb"), e -> "Established".equals(e.previousSessionStateV4()));
            assertTrue(dropped.reason().contains("dropped to"), dropped.reason());
            assertTrue(dropped.reason().contains("Route limit exceeded"), dropped.reason());
        }
    }

    private static void receivedRoutesListTheAnnouncedPrefixes(Fixtures f, String a, String b) {
        String routes = f.connectionsPath().replace("/connections", "/receivedRoutes");
        await().atMost(BGP)
                .until(() ->
                        Fixtures.api().get(routes).jsonPath().getList("value").size() == 6);
        JsonPath all =
                Fixtures.api().get(routes).then().statusCode(200).extract().jsonPath();
        assertEquals(
                List.of("20.1.1.0/24", "20.1.2.0/24", "20.1.3.0/24", "20.2.1.0/24", "20.2.2.0/24", "20.2.3.0/24"),
                all.getList("value.prefix"));
        assertEquals(List.of(a, a, a, b, b, b), all.getList("value.nextHop"));
        assertEquals(
                List.of("30000"),
                all.getList("value.asPath").stream().distinct().toList());
        assertEquals(
                List.of("Valid"),
                all.getList("value.originAsValidationState").stream().distinct().toList());
        assertTrue(
                all.getString("value[0].receivedTimestamp").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"),
                all.getString("value[0].receivedTimestamp"));
        // paged: four, then the other two by nextLink
        JsonPath first = Fixtures.api()
                .queryParam("$top", "4")
                .get(routes)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(4, first.getList("value").size());
        JsonPath second = io.restassured.RestAssured.given()
                .urlEncodingEnabled(false)
                .get(first.getString("nextLink"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("20.2.2.0/24", "20.2.3.0/24"), second.getList("value.prefix"));
        assertEquals(null, second.getString("nextLink"));
        // filtered by prefix; a malformed prefix is a 400 with the ARM error body
        assertEquals(
                List.of("20.2.2.0/24"),
                Fixtures.api()
                        .queryParam("prefix", "20.2.2.0/24")
                        .get(routes)
                        .jsonPath()
                        .getList("value.prefix"));
        Fixtures.api()
                .queryParam("prefix", "20.2.2.0/99")
                .get(routes)
                .then()
                .statusCode(400)
                .body("error.code", org.hamcrest.Matchers.equalTo("InvalidQueryParameter"));
    }

    /** LookingGlass_Invoke from the route server's namespace and control socket, limited to the caller's own. */
    private static void theLookingGlassLooksFromTheRouteServer(Fixtures f, String a, String b) {
        String peer = TestTokens.peer(f.sub);
        // BgpRoute as the peer: the route its own session sent, with the router's attributes
        JsonPath route = lookingGlass(f.sub, peer, "BgpRoute", "20.2.2.1", 200);
        assertEquals("BgpRoute", route.getString("command"));
        assertTrue(route.getString("output").contains("20.2.2.0/24"), route.getString("output"));
        assertTrue(route.getString("output").contains("BGP.as_path: 30000"), route.getString("output"));
        assertTrue(route.getString("output").contains("via " + b), route.getString("output"));
        // Ping and Traceroute run in the route server's namespace: the peer routers answer on the LAN
        if (BirdCommands.program("ping").isPresent()
                && BirdCommands.program("traceroute").isPresent()) {
            String ping = lookingGlass(f.sub, peer, "Ping", a, 200).getString("output");
            assertTrue(ping.contains("3 packets transmitted, 3 received"), ping);
            String trace = lookingGlass(f.sub, peer, "Traceroute", b, 200).getString("output");
            assertTrue(trace.contains(" 1  " + b), trace);
        } else {
            System.err.println("WARNING: RouteServerIT: ping or traceroute is missing (apt-get install iputils-ping"
                    + " traceroute): the looking glass's Ping and Traceroute were NOT run, only their 409.");
            assertEquals(
                    "LookingGlassCommandUnavailable",
                    lookingGlass(f.sub, peer, "Ping", a, 409).getString("error.code"));
        }
        // an address that is not the peer's own is refused; another subscription sees nothing of this one's
        assertEquals(
                "LookingGlassDestinationNotAllowed",
                lookingGlass(f.sub, peer, "Ping", "206.81.80.1", 403).getString("error.code"));
        Fixtures other = new Fixtures().created();
        assertEquals(
                "LookingGlassDestinationNotAllowed",
                lookingGlass(other.sub, TestTokens.peer(other.sub), "BgpRoute", "20.2.2.1", 403)
                        .getString("error.code"));
        // the operator looks at every session's routes
        String all = lookingGlass(f.sub, TestTokens.operator(), "BgpRoute", "20.1.1.1", 200)
                .getString("output");
        assertTrue(all.contains("20.1.1.0/24") && all.contains("via " + a), all);
    }

    private static JsonPath lookingGlass(String sub, String token, String command, String destination, int status) {
        return io.restassured.RestAssured.given()
                .header("Authorization", token)
                .queryParam("api-version", "2022-10-01")
                .queryParam("command", command)
                .queryParam("sourceType", "EdgeSite")
                .queryParam("sourceLocation", "Seattle")
                .queryParam("destinationIP", destination)
                .post("/subscriptions/" + sub + "/providers/Microsoft.Peering/lookingGlass")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private static PeerConfig peer(String address, List<String> prefixes) {
        return new PeerConfig(Fixtures.PEER_ASN, address, null, 8075, Fixtures.MICROSOFT_V4, null, null, prefixes);
    }

    /**
     * The key of cc changes in the key source alone (peering-service's pull API; here its stand-in): the route
     * server takes it at its next pull, so the session drops while the peer still has the old key, and comes
     * back once the peer has the new one too.
     */
    private static void aChangedMd5KeyAloneReKeysTheSession(
            Fixtures g, LabRouter routerC, PeerConfig peerC, TopicReader topic) {
        awaitSession(g, "cc", "Established");
        String id = g.connectionId("cc");
        System.setProperty(RouteServerLan.KEY_PROPERTY + id, "second-Key-2");
        ConnectionEvent dropped = sessionEvent(topic, id, e -> "Established".equals(e.previousSessionStateV4()));
        assertTrue(dropped.reason().contains("dropped to"), dropped.reason());
        routerC.reconfigure(peerC.withMd5Key("second-Key-2").text());
        awaitSession(g, "cc", "Established");
        assertEquals("Established", protocol("_cc_").orElseThrow().state().name());
    }

    /** An IPv4 connection, with or without an MD5 key, max-prefix 3. */
    private static PeeringEvent.Connection connection(String id, String peerV4, boolean md5) {
        return new PeeringEvent.Connection(
                id,
                Fixtures.FACILITY,
                10000,
                "Peer",
                false,
                Fixtures.LAN_V4,
                null,
                Fixtures.MICROSOFT_V4,
                null,
                peerV4,
                null,
                3,
                null,
                md5);
    }

    private static JsonPath awaitSession(Fixtures f, String connection, String state) {
        await().atMost(BGP).until(() -> state.equals(f.get(connection).getString("bgpSession.sessionStateV4")));
        return f.get(connection);
    }

    /** The first sessionStateChanged event of {@code subject} that {@code which} matches, once it arrived. */
    private static ConnectionEvent sessionEvent(TopicReader topic, String subject, Predicate<ConnectionEvent> which) {
        return topic.awaitEvents(
                        r -> r.event() != null
                                && subject.equals(r.event().subject())
                                && r.event().type().equals(ConnectionEvent.SESSION_STATE_CHANGED)
                                && which.test(r.event().dataAs(ConnectionEvent.class)),
                        1)
                .get(0)
                .event()
                .dataAs(ConnectionEvent.class);
    }

    /** The route server's protocol whose name holds {@code part}, as BIRD reports it now. */
    private static Optional<SessionStatus> protocol(String part) {
        BirdCommands bird = BirdCommands.installed().orElseThrow();
        String out = bird.showProtocolsAll(RouteServerLan.routeServerSocket()).output();
        return new BirdProtocolsParser()
                .parse(out).stream().filter(s -> s.protocol().contains(part)).findFirst();
    }
}
