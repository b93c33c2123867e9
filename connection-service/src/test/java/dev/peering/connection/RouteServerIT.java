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
 * Established because the router says so; removing one connection removes its protocol and leaves the
 * other session up; a fourth prefix trips the other's max-prefix limit (3) and its event says why. Needs
 * root and bird2 (CI has both); elsewhere it is skipped with a warning.
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
            PeeringEvent.Connection ca = connection("ca", a);
            PeeringEvent.Connection cb = connection("cb", b);
            f.request(ca, cb);
            f.awaitConnection("ca");
            f.awaitConnection("cb");
            f.operator("ca", "approve", 200);
            f.operator("cb", "approve", 200);

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

            // Removing connection ca takes its protocol off the router; cb's session is not restarted.
            f.send(PeeringEvent.CONNECTION_REMOVAL_REQUESTED, List.of(ca));
            await().atMost(BGP).until(() -> Fixtures.api().get(f.path("ca")).statusCode() == 404);
            await().atMost(BGP).until(() -> protocol("_ca_").isEmpty());
            SessionStatus after = protocol("_cb_").orElseThrow();
            assertEquals("Established", after.state().name());
            assertEquals(before.since(), after.since(), "cb's session was restarted by ca's removal");

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

    private static PeerConfig peer(String address, List<String> prefixes) {
        return new PeerConfig(Fixtures.PEER_ASN, address, null, 8075, Fixtures.MICROSOFT_V4, null, null, prefixes);
    }

    /** An IPv4 connection without MD5 key, max-prefix 3. */
    private static PeeringEvent.Connection connection(String id, String peerV4) {
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
                false);
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
