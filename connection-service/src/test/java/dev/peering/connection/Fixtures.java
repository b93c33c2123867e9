package dev.peering.connection;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.peering.events.AgreementEvent;
import dev.peering.events.EventJson;
import dev.peering.events.PeeringEvent;
import dev.peering.events.Topics;
import dev.peering.testsupport.TopicWriter;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A peering as peering-service would announce it on its topic, and its connections at the SIX Seattle
 * facility of the shipped reference data (PeeringDB 143, LAN 206.81.80.0/22 and 2001:504:16::/64).
 */
final class Fixtures {

    static final int FACILITY = 143;
    static final String LAN_V4 = "206.81.80.0/22";
    static final String LAN_V6 = "2001:504:16::/64";
    static final String MICROSOFT_V4 = "206.81.80.30";
    static final String MICROSOFT_V6 = "2001:504:16::1f9b";
    /** The PeerAsn's number, as peering-service adds it to its events (the route server's sessions need it). */
    static final long PEER_ASN = 30000;

    // Peer addresses are unique across the test JVM: the facility check refuses a reused one.
    private static final AtomicInteger HOST = new AtomicInteger(256 + (int) (Math.random() * 200));

    final String sub;
    final String rg = "rg1";
    final String name;
    final String peeringId;

    Fixtures() {
        this(
                "sub-" + UUID.randomUUID(),
                "peering-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A peering named before, e.g. by an earlier life of the application. */
    Fixtures(String sub, String name) {
        this.sub = sub;
        this.name = name;
        this.peeringId =
                "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.Peering/peerings/" + name;
    }

    static String nextPeerV4() {
        int n = HOST.incrementAndGet();
        return "206.81." + (80 + n / 256) + "." + (n % 256 == 0 ? 1 : n % 256);
    }

    static String nextPeerV6() {
        return "2001:504:16::a:" + Integer.toHexString(HOST.incrementAndGet());
    }

    static PeeringEvent.Connection connection(String id, String peerV4, String peerV6) {
        return new PeeringEvent.Connection(
                id,
                FACILITY,
                10000,
                "Peer",
                false,
                peerV4 == null ? null : LAN_V4,
                peerV6 == null ? null : LAN_V6,
                peerV4 == null ? null : MICROSOFT_V4,
                peerV6 == null ? null : MICROSOFT_V6,
                peerV4,
                peerV6,
                peerV4 == null ? null : 1000,
                peerV6 == null ? null : 100,
                true);
    }

    static PeeringEvent.Connection v4Connection(String id) {
        return connection(id, nextPeerV4(), null);
    }

    static PeeringEvent.Connection dualConnection(String id) {
        return connection(id, nextPeerV4(), nextPeerV6());
    }

    /** Announces the peering (created) and waits until the service knows it. */
    Fixtures created() {
        send(PeeringEvent.CREATED, List.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api().get(connectionsPath()).statusCode() == 200);
        return this;
    }

    void request(PeeringEvent.Connection... connections) {
        send(PeeringEvent.CONNECTIONS_REQUESTED, List.of(connections));
    }

    void send(String type, List<PeeringEvent.Connection> connections) {
        send(type, connections, "Succeeded");
    }

    void send(String type, List<PeeringEvent.Connection> connections, String provisioningState) {
        TopicWriter.send(Topics.PEERING_EVENTS, peeringId, event(type, connections, provisioningState));
    }

    /** peering-service's event about this peering, as JSON. */
    String event(String type, List<PeeringEvent.Connection> connections, String provisioningState) {
        PeeringEvent data = new PeeringEvent(
                peeringId,
                sub,
                rg,
                name,
                "/subscriptions/" + sub + "/providers/Microsoft.Peering/peerAsns/asn1",
                "Seattle",
                null,
                provisioningState,
                null,
                connections,
                PEER_ASN);
        return EventJson.write(
                EventJson.newEvent(type, PeeringEvent.SOURCE, peeringId, "corr-" + UUID.randomUUID(), sub, data));
    }

    /** peering-service's event: this subscription's Peering Service agreement granted or withdrawn. */
    void agreement(boolean agreed) {
        String id = AgreementEvent.resourceId(sub);
        TopicWriter.send(
                Topics.PEERING_EVENTS,
                id,
                EventJson.write(EventJson.newEvent(
                        agreed ? AgreementEvent.GRANTED : AgreementEvent.REVOKED,
                        PeeringEvent.SOURCE,
                        id,
                        "corr-" + UUID.randomUUID(),
                        sub,
                        new AgreementEvent(sub, agreed, agreed ? OffsetDateTime.now(ZoneOffset.UTC) : null))));
    }

    String connectionsPath() {
        return "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.Peering/peerings/" + name
                + "/connections";
    }

    String path(String connectionIdentifier) {
        return connectionsPath() + "/" + connectionIdentifier;
    }

    String connectionId(String connectionIdentifier) {
        return peeringId + "/connections/" + connectionIdentifier;
    }

    static RequestSpecification api() {
        return given().queryParam("api-version", "2022-10-01").contentType(ContentType.JSON);
    }

    /** Waits until GET of the connection answers 200 and returns its body. */
    JsonPath awaitConnection(String connectionIdentifier) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api().get(path(connectionIdentifier)).statusCode() == 200);
        return get(connectionIdentifier);
    }

    JsonPath get(String connectionIdentifier) {
        return api().get(path(connectionIdentifier))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits until the connection's GET shows {@code field} = {@code value}. */
    JsonPath awaitField(String connectionIdentifier, String field, String value) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var r = api().get(path(connectionIdentifier));
            return r.statusCode() == 200 && value.equals(r.jsonPath().getString(field));
        });
        return get(connectionIdentifier);
    }

    JsonPath awaitState(String connectionIdentifier, String connectionState) {
        return awaitField(connectionIdentifier, "connectionState", connectionState);
    }

    JsonPath operator(String connectionIdentifier, String action, int status) {
        return api().post(path(connectionIdentifier) + "/" + action)
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    JsonPath operator(String connectionIdentifier, String action, Map<String, Object> body, int status) {
        return api().body(body)
                .post(path(connectionIdentifier) + "/" + action)
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    /**
     * The connection's state changes as "previous>new", read from the connection topic of each broker
     * given (duplicates by event id dropped, in event time order), once {@code expected} arrived and no
     * more came for a second: a repeated step would show up as one more.
     */
    static List<String> stateChangesOnTopic(List<String> bootstrapServers, String subject, int expected) {
        List<dev.peering.testsupport.TopicReader> readers = bootstrapServers.stream()
                .distinct()
                .map(b -> new dev.peering.testsupport.TopicReader(b, Topics.CONNECTION_EVENTS))
                .toList();
        try {
            java.util.function.Supplier<List<String>> changes = () -> readers.stream()
                    .flatMap(reader -> reader.poll().stream())
                    .filter(r -> r.event() != null
                            && subject.equals(r.event().subject())
                            && r.event().type().equals(dev.peering.events.ConnectionEvent.STATE_CHANGED))
                    .map(dev.peering.testsupport.TopicReader.Received::event)
                    .collect(java.util.stream.Collectors.toMap(dev.peering.events.CloudEvent::id, e -> e, (a, b) -> a))
                    .values()
                    .stream()
                    .sorted(java.util.Comparator.comparing(dev.peering.events.CloudEvent::time))
                    .map(e -> e.dataAs(dev.peering.events.ConnectionEvent.class))
                    .map(e -> e.previousConnectionState() + ">" + e.connectionState())
                    .toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> changes.get().size() >= expected);
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> changes.get().size() == expected);
            return changes.get();
        } finally {
            readers.forEach(dev.peering.testsupport.TopicReader::close);
        }
    }
}
