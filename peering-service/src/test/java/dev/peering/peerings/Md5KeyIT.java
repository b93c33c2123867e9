package dev.peering.peerings;

import static dev.peering.peerings.Fixtures.API;
import static dev.peering.peerings.Fixtures.body;
import static dev.peering.peerings.Fixtures.get;
import static dev.peering.peerings.Fixtures.peerAsnId;
import static dev.peering.peerings.Fixtures.peeringPath;
import static dev.peering.peerings.Fixtures.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.PeeringEvent;
import dev.peering.peerings.persistence.PeeringRepository;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TestTokens;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The MD5 key is stored, and never leaves the service: not on GET, not in an event, not in a log line. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class Md5KeyIT {

    @Inject
    PeeringRepository peerings;

    /** Keeps every log record the JVM writes while it is installed. */
    static final class Capture extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            lines.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                    + " " + record.getThrown());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    void theKeyIsStoredButNeverReturnedPublishedOrLogged() {
        Capture capture = new Capture();
        capture.setLevel(java.util.logging.Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String key = "S3cr3t-" + UUID.randomUUID();
        String rotated = "R0tat3d-" + UUID.randomUUID();
        String sub = Fixtures.newSubscription();
        String path = peeringPath(sub, "rg1", "secret");
        try {
            Fixtures.pendingPeerAsn(sub, "contoso", 3356);
            Fixtures.awaitKnown(sub, "contoso");
            String withKey = body(
                    peerAsnId(sub, "contoso"),
                    "Seattle",
                    "["
                            + PeeringApiIT.connection("c1", 10)
                                    .replace(
                                            "\"maxPrefixesAdvertisedV4\":1000",
                                            "\"maxPrefixesAdvertisedV4\":1000,\"md5AuthenticationKey\":\"" + key + "\"")
                            + "]");
            put(path, withKey).statusCode(201).body(not(containsString(key)));
            // the same request again (an idempotent PUT) and a failing one carry it too
            put(path, withKey).statusCode(200).body(not(containsString(key)));
            put(path, withKey.replace("westus2", "eastus")).statusCode(400).body(not(containsString(key)));
            Fixtures.approve(sub, "contoso", 3356);
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .untilAsserted(() -> get(path).body("properties.provisioningState", equalTo("Succeeded")));

            get(path)
                    .statusCode(200)
                    .body(not(containsString(key)))
                    .body("properties.direct.connections[0].bgpSession.md5AuthenticationKey", equalTo(null));
            given().queryParam("api-version", API)
                    .get("/subscriptions/" + sub + "/providers/Microsoft.Peering/peerings")
                    .then()
                    .statusCode(200)
                    .body(not(containsString(key)));

            String stored = QuarkusTransaction.requiringNew().call(() -> peerings.findByName(sub, "rg1", "secret")
                    .orElseThrow()
                    .connections
                    .get(0)
                    .md5AuthenticationKey);
            assertEquals(key, stored);
            internalPullApi(path, key);
            // the same connection sent with another key changes the key (the route server pulls it again)
            put(path, withKey.replace(key, rotated)).statusCode(200).body(not(containsString(rotated)));
            given().header("Authorization", TestTokens.routeServer())
                    .queryParam("connectionId", path + "/connections/c1")
                    .get("/internal/route-server/md5-keys")
                    .then()
                    .statusCode(200)
                    .body("md5AuthenticationKey", equalTo(rotated));

            try (TopicReader topic = new TopicReader(Fixtures.PEERING_TOPIC)) {
                List<TopicReader.Received> events = topic.awaitSubject(path, 2);
                PeeringEvent requested = events.get(1).event().dataAs(PeeringEvent.class);
                assertTrue(requested.connections().get(0).md5AuthenticationKeyConfigured());
                for (TopicReader.Received r : topic.poll()) {
                    assertFalse(
                            r.value().contains(key) || r.value().contains(rotated),
                            "an event carries the MD5 key: " + r.event().type());
                }
            }
        } finally {
            root.removeHandler(capture);
        }
        assertFalse(capture.lines.isEmpty(), "the capture saw no log line at all");
        for (String line : capture.lines) {
            assertFalse(line.contains(key) || line.contains(rotated), "a log line carries the MD5 key: " + line);
        }
    }

    /**
     * A connection set up without MD5 cannot get a key by a PUT of the peering (the route server's session
     * would change its kind): 400 {@code ConnectionChangeNotAllowed} with the ARM error body, and nothing
     * changes, not even the connection the same request adds beside it. The key reaches no response, no
     * store, no event.
     */
    @Test
    void aKeyCannotBeAddedToAConnectionSetUpWithoutOne() {
        String key = "L4te-" + UUID.randomUUID();
        String sub = Fixtures.newSubscription();
        String path = peeringPath(sub, "rg1", "keyless");
        Fixtures.approve(sub, "contoso", 3356);
        Fixtures.awaitKnown(sub, "contoso");
        String plain = PeeringApiIT.connection("c1", 11);
        put(path, body(peerAsnId(sub, "contoso"), "Seattle", "[" + plain + "]")).statusCode(201);
        String before = get(path).extract().asString();
        try (TopicReader topic = new TopicReader(Fixtures.PEERING_TOPIC)) {
            topic.awaitSubject(path, 2); // created, connectionsRequested
            String keyed = plain.replace(
                    "\"maxPrefixesAdvertisedV4\":1000",
                    "\"maxPrefixesAdvertisedV4\":1000,\"md5AuthenticationKey\":\"" + key + "\"");
            // the added connection comes first, so a rule that changed nothing only by luck would show it
            put(
                            path,
                            body(
                                    peerAsnId(sub, "contoso"),
                                    "Seattle",
                                    "[" + PeeringApiIT.connection("c2", 12) + "," + keyed + "]"))
                    .statusCode(400)
                    .body("error.code", equalTo("ConnectionChangeNotAllowed"))
                    .body("error.message", containsString("'c1', which was set up without one"))
                    .body("error.message", containsString("?confirm=yes"))
                    .body(not(containsString(key)));
            assertEquals(before, get(path).extract().asString(), "the refused PUT changed the peering");
            boolean configured = QuarkusTransaction.requiringNew().call(() -> {
                var c1 = peerings.findByName(sub, "rg1", "keyless")
                        .orElseThrow()
                        .connections
                        .get(0);
                return c1.md5Configured || c1.md5AuthenticationKey != null;
            });
            assertFalse(configured, "the refused PUT stored a key");
            given().header("Authorization", TestTokens.routeServer())
                    .queryParam("connectionId", path + "/connections/c1")
                    .get("/internal/route-server/md5-keys")
                    .then()
                    .statusCode(404);
            // the same peering sent again without the key is still accepted: the refusal was the key's alone
            put(path, body(peerAsnId(sub, "contoso"), "Seattle", "[" + plain + "]"))
                    .statusCode(200);
            // no event about the peering beyond the two of its creation
            topic.awaitSubjectExactly(path, 2);
        }
    }

    /** The route server's pull API (ADR 0014): the key for the route-server role only, by connection id. */
    private static void internalPullApi(String peeringPath, String key) {
        String keys = "/internal/route-server/md5-keys";
        String connectionId = peeringPath + "/connections/c1";
        given().header("Authorization", TestTokens.routeServer())
                .queryParam("connectionId", connectionId)
                .get(keys)
                .then()
                .statusCode(200)
                .body("md5AuthenticationKey", equalTo(key));
        // the operator (the tests' default token) and a peer of the subscription are refused
        given().queryParam("connectionId", connectionId).get(keys).then().statusCode(403);
        given().header("Authorization", TestTokens.peer(peeringPath.split("/")[2]))
                .queryParam("connectionId", connectionId)
                .get(keys)
                .then()
                .statusCode(403)
                .body(not(containsString(key)));
        given().header("Authorization", TestTokens.routeServer())
                .queryParam("connectionId", peeringPath + "/connections/nope")
                .get(keys)
                .then()
                .statusCode(404)
                .body("error.code", equalTo("ResourceNotFound"));
        given().header("Authorization", TestTokens.routeServer())
                .queryParam("connectionId", "not-an-id")
                .get(keys)
                .then()
                .statusCode(400)
                .body("error.code", equalTo("InvalidQueryParameter"));
    }
}
