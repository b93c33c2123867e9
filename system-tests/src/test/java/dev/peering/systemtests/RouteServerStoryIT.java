package dev.peering.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.events.ConnectionEvent;
import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.bird.BirdCommands;
import dev.peering.routeserver.bird.BirdProtocolsParser;
import dev.peering.routeserver.domain.SessionStatus;
import dev.peering.routeserver.lab.ExchangeLan;
import dev.peering.routeserver.lab.LabRouter;
import dev.peering.routeserver.lab.PeerConfig;
import dev.peering.testsupport.ArmSpec;
import dev.peering.testsupport.TopicReader;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The seed's story with a real route server (issues #17, #18): a slim stack of its own (one Kafka node, one
 * instance of each service, plaintext) started with {@code --route-server bird}, so connection-service runs the
 * bird adapter on the emulated SIX Seattle LAN the launcher makes, pulls the MD5 key from the real
 * peering-service, and registration-service's origin-ASN check reads connection-service's real ReceivedRoutes.
 * The test attaches a peer router of its own to that LAN ({@link ExchangeLan#attachByRouter}): AS30000 at
 * 206.81.81.77, announcing a prefix of its customer AS13335, one of AS15169 and one of its own. Driven as a user,
 * through the gateway: the session is Established because BIRD says so (and not while the peer has another
 * key), the customer's prefix is Verified {@code ViaSession}, the other one Failed naming AS15169, and
 * ReceivedRoutes and the looking glass show the routes. Needs root, bird2 and network namespaces (CI has
 * them); elsewhere it is skipped with a warning on stderr and in the report. Ordered after every other class
 * (junit-platform.properties), it stops the shared stack first, so two stacks never share the machine.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf(
        value = "available",
        disabledReason = "needs root, Debian's bird2 and network namespaces (ip netns): see the WARNING on stderr")
class RouteServerStoryIT {

    static final Duration STEP = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();
    static final long PEER_ASN = 30000;
    static final long CUSTOMER_ASN = 13335;
    static final long OTHER_ASN = 15169;
    /** On SIX Seattle's LAN, away from the launcher's walkthrough peers (206.81.81.10-12). */
    static final String PEER_V4 = "206.81.81.77";

    static final String ROUTE_SERVER_V4 = "206.81.80.30";
    static final String CUSTOMERS = "20.77.1.0/24";
    static final String OTHERS = "20.77.2.0/24";
    static final String OWN = "20.77.3.0/24";
    static final String MD5_KEY =
            "md5-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

    /**
     * The launcher's environment for the services: the steps shortened further than the shared stack's, and the
     * route server read often, so the story takes seconds.
     */
    static final Map<String, String> QUICK = Map.of(
            "_LOCAL_PEERING_ASN_APPROVAL_DELAY", "PT1S",
            "_LOCAL_PEERING_CONNECTION_STEP_DELAY", "PT0.2S",
            "_LOCAL_PEERING_ROUTE_SERVER_POLL_INTERVAL", "300ms",
            "_LOCAL_PEERING_REGISTRATION_PREFIX_VALIDATION_DELAY", "PT0.5S");

    static Stack stack;
    static ExchangeLan lan;
    static Path routeServerSocket;
    static LabRouter peerRouter;
    static PeerConfig peerConfig;
    static TopicReader connectionTopic;
    static Api peer;
    static Api customer;
    static String sub;
    static String customerSub;
    static String peeringPath;
    static String prefixKey;

    static boolean available() {
        Optional<String> why = ExchangeLan.whyUnavailable();
        why.ifPresent(w -> System.err.println("WARNING: RouteServerStoryIT SKIPPED: " + w + ". The story was NOT"
                + " run against a real route server; run the tests as root with bird2 (.ci/run installs it)."));
        return why.isEmpty();
    }

    @BeforeAll
    static void start() {
        Stack.stopShared();
        stack = Stack.start(QUICK, List.of("--brokers", "1", "--instances", "1", "--route-server", "bird"));
        // "Route server (BIRD)   route server pcplab-<id>-rs (birdc -s <dir>/rs/bird.ctl), peers of ..."
        Pattern printed = Pattern.compile("route server (pcplab-\\S+) \\(birdc -s (\\S+)\\)");
        Matcher m = stack.output().stream()
                .map(printed::matcher)
                .filter(Matcher::find)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("the launcher printed no route server: " + stack.output()));
        routeServerSocket = Path.of(m.group(2));
        lan = ExchangeLan.attachByRouter(
                m.group(1), routeServerSocket, Cidr.parse("206.81.80.0/22"), Cidr.parse("2001:504:16::/64"));
        // the peer router starts with a key other than the connection's: the session must not come up
        peerConfig = new PeerConfig(
                PEER_ASN,
                PEER_V4,
                null,
                8075,
                ROUTE_SERVER_V4,
                null,
                "not-" + MD5_KEY,
                List.of(CUSTOMERS + " " + CUSTOMER_ASN, OTHERS + " " + OTHER_ASN, OWN));
        peerRouter = lan.start("story", PEER_V4, null, peerConfig.text());
        connectionTopic = new TopicReader(stack.kafka(), "peering.connection-events");
        sub = "sub-" + UUID.randomUUID();
        customerSub = "sub-customer-" + UUID.randomUUID();
        peer = new Api(stack, stack.peerToken(sub)).throughTheGateway();
        customer = new Api(stack, stack.peerToken(customerSub)).throughTheGateway();
        peeringPath = Api.peering(sub, "rg-ix", "ix-bird");
    }

    @AfterAll
    static void stop() {
        if (connectionTopic != null) {
            connectionTopic.close();
        }
        if (lan != null) {
            lan.close();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void theSessionIsEstablishedBecauseBirdSaysSoWithTheKeyFromPeeringService() {
        peer.put(Stack.ASN, Api.peerAsns(sub) + "/contoso", Api.peerAsnBody(PEER_ASN))
                .then()
                .statusCode(201);
        String connection = Api.connection("sea-md5", PEER_V4, null)
                .replace(
                        "\"maxPrefixesAdvertisedV4\":1000",
                        "\"maxPrefixesAdvertisedV4\":1000,\"md5AuthenticationKey\":\"" + MD5_KEY + "\"");
        Response created = await().atMost(STEP)
                .until(
                        () -> peer.put(Stack.PEERING, peeringPath, Api.peeringBody(sub, "contoso", connection)),
                        r -> r.statusCode() != 400 || !r.asString().contains("names no PeerAsn"));
        created.then().statusCode(201);
        await().atMost(STEP).untilAsserted(() -> peer.get(Stack.PEERING, peeringPath)
                .then()
                .body("properties.direct.connections[0].connectionState", equalTo("Active")));

        // connection-service pulled the key from peering-service and wrote it into the route server's file only
        await().atMost(STEP).until(() -> protocol().isPresent());
        String routeServerConfig = read(routeServerSocket.getParent().resolve("bird.conf"));
        assertTrue(routeServerConfig.contains("neighbor " + PEER_V4 + " as " + PEER_ASN + ";"), routeServerConfig);
        assertTrue(
                routeServerConfig.contains("password \"" + MD5_KEY + "\";"), "no MD5 key in the route server's file");

        // while the peer has another key, BIRD keeps the session down, and so does the API
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).until(() -> {
            String api = sessionStateV4();
            return !"Established".equals(protocol().orElseThrow().state().name()) && !"Established".equals(api);
        });

        // the peer takes the connection's key: BIRD brings the session up, and the API follows the router
        peerRouter.reconfigure(peerConfig.withMd5Key(MD5_KEY).text());
        await().atMost(STEP).until(() -> "Established".equals(sessionStateV4()));
        SessionStatus up = protocol().orElseThrow();
        assertEquals("Established", up.state().name(), up.routerState());
        await().atMost(STEP).until(() -> protocol().flatMap(SessionStatus::importedRoutes), Optional.of(3)::equals);
        ConnectionEvent event = connectionTopic
                .awaitEvents(
                        r -> r.event() != null
                                && (peeringPath + "/connections/sea-md5")
                                        .equals(r.event().subject())
                                && r.event().type().equals(ConnectionEvent.SESSION_STATE_CHANGED)
                                && "Established"
                                        .equals(r.event()
                                                .dataAs(ConnectionEvent.class)
                                                .sessionStateV4()),
                        1)
                .get(0)
                .event()
                .dataAs(ConnectionEvent.class);
        assertTrue(event.reason().contains("route server: up/Established"), event.reason());
    }

    @Test
    @Order(2)
    void receivedRoutesAndTheLookingGlassShowTheRoutesThroughTheGateway() {
        String routes = peeringPath + "/receivedRoutes";
        await().atMost(STEP)
                .until(() -> peer.get(Stack.CONNECTION, routes).jsonPath().getList("value"), v -> v.size() == 3);
        Response listed = peer.get(Stack.CONNECTION, routes);
        listed.then().statusCode(200);
        assertEquals(List.of(), ArmSpec.get().violations("ReceivedRoutes_ListByPeering", 200, json(listed.asString())));
        JsonPath all = listed.jsonPath();
        assertEquals(List.of(CUSTOMERS, OTHERS, OWN), all.getList("value.prefix"));
        assertEquals(List.of(PEER_V4, PEER_V4, PEER_V4), all.getList("value.nextHop"));
        assertEquals(
                List.of(PEER_ASN + " " + CUSTOMER_ASN, PEER_ASN + " " + OTHER_ASN, String.valueOf(PEER_ASN)),
                all.getList("value.asPath"));

        Response route = peer.to(Stack.CONNECTION)
                .queryParam("command", "BgpRoute")
                .queryParam("sourceType", "EdgeSite")
                .queryParam("sourceLocation", "Seattle")
                .queryParam("destinationIP", "20.77.1.1")
                .post("/subscriptions/" + sub + "/providers/Microsoft.Peering/lookingGlass");
        route.then().statusCode(200).body("command", equalTo("BgpRoute"));
        assertEquals(List.of(), ArmSpec.get().violations("LookingGlass_Invoke", 200, json(route.asString())));
        String output = route.jsonPath().getString("output");
        assertTrue(output.contains(CUSTOMERS), output);
        assertTrue(output.contains("BGP.as_path: " + PEER_ASN + " " + CUSTOMER_ASN), output);
        assertTrue(output.contains("via " + PEER_V4), output);
    }

    @Test
    @Order(3)
    void aPrefixIsVerifiedViaSessionWhenItsOriginIsTheRegisteredAsnAndFailsOtherwise() {
        peer.put(
                        Stack.REGISTRATION,
                        peeringPath + "/registeredAsns/fabrikam",
                        "{\"properties\":{\"asn\":" + CUSTOMER_ASN + "}}")
                .then()
                .statusCode(201);
        prefixKey = await().atMost(STEP)
                .until(
                        () -> peer.get(Stack.REGISTRATION, peeringPath + "/registeredAsns/fabrikam")
                                .then()
                                .extract()
                                .path("properties.peeringServicePrefixKey"),
                        notNullValue());
        String service = Api.peeringService(customerSub, "rg-customer", "fabrikam-ps");
        customer.put(
                        Stack.REGISTRATION,
                        service,
                        """
                        {"location":"westus2","properties":{"peeringServiceLocation":"Washington","peeringServiceProvider":"Contoso IX"}}""")
                .then()
                .statusCode(201);
        for (Map.Entry<String, String> prefix :
                Map.of("web", CUSTOMERS, "stolen", OTHERS).entrySet()) {
            customer.put(
                            Stack.REGISTRATION,
                            service + "/prefixes/" + prefix.getKey(),
                            "{\"properties\":{\"prefix\":\"" + prefix.getValue() + "\",\"peeringServicePrefixKey\":\""
                                    + prefixKey + "\"}}")
                    .then()
                    .statusCode(201);
        }
        await().atMost(STEP).untilAsserted(() -> customer.get(Stack.REGISTRATION, service + "/prefixes/web")
                .then()
                .body("properties.prefixValidationState", equalTo("Verified"))
                .body("properties.learnedType", equalTo("ViaSession"))
                .body("properties.errorMessage", nullValue()));
        await().atMost(STEP).untilAsserted(() -> customer.get(Stack.REGISTRATION, service + "/prefixes/stolen")
                .then()
                .body("properties.prefixValidationState", equalTo("Failed"))
                .body(
                        "properties.errorMessage",
                        containsString("origin AS" + OTHER_ASN + ", which is not a registered")));
    }

    @Test
    @Order(4)
    void theMd5KeyReachedTheRouterOnlyNeverATopicOrALog() {
        for (TopicReader.Received received : connectionTopic.poll()) {
            assertFalse(received.value().contains(MD5_KEY), "the MD5 key on a topic: " + received.value());
        }
        try (var logs = Files.list(stack.dataDir().resolve("logs"))) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log, StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(MD5_KEY), "the MD5 key in " + log.getFileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API's IPv4 session state of the story's connection. */
    private static String sessionStateV4() {
        return peer.get(Stack.CONNECTION, peeringPath + "/connections/sea-md5")
                .jsonPath()
                .getString("bgpSession.sessionStateV4");
    }

    /** The route server's protocol of the story's session, as BIRD reports it now. */
    private static Optional<SessionStatus> protocol() {
        String out = BirdCommands.installed()
                .orElseThrow()
                .showProtocolsAll(routeServerSocket)
                .output();
        return new BirdProtocolsParser()
                .parse(out).stream()
                        .filter(s -> s.protocol().startsWith("ix_bird_sea_md5_"))
                        .findFirst();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
