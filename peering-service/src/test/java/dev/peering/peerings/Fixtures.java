package dev.peering.peerings;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.peering.events.EventJson;
import dev.peering.events.PeerAsnEvent;
import dev.peering.peerings.domain.PeerAsnStates;
import dev.peering.peerings.persistence.PeerAsnViewRepository;
import dev.peering.testsupport.TopicWriter;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Requests and upstream events the peering-service tests share. */
final class Fixtures {

    static final String API = "2022-10-01";
    static final String PEER_ASN_TOPIC = "peering.peer-asn-events";
    static final String PEERING_TOPIC = "peering.peering-events";
    static final String CONNECTION_TOPIC = "peering.connection-events";

    /** Seattle (SIX) facility 143 and a session on the exchange LAN that the connection rules accept. */
    static final String SEATTLE_CONNECTION =
            """
            {"peeringDBFacilityId":143,"bandwidthInMbps":10000,"sessionAddressProvider":"Peer",
             "bgpSession":{"sessionPrefixV4":"206.81.80.0/22","microsoftSessionIPv4Address":"206.81.80.30",
               "peerSessionIPv4Address":"206.81.81.10","maxPrefixesAdvertisedV4":1000}}""";

    private Fixtures() {}

    static String newSubscription() {
        return "sub-" + UUID.randomUUID();
    }

    static String peerAsnId(String sub, String name) {
        return "/subscriptions/" + sub + "/providers/Microsoft.Peering/peerAsns/" + name;
    }

    static String peeringPath(String sub, String rg, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.Peering/peerings/" + name;
    }

    /** Publishes a PeerAsn event as asn-validation-service would. */
    static void peerAsn(String type, String sub, String name, long asn, String previous, String state, String error) {
        TopicWriter.send(
                PEER_ASN_TOPIC, peerAsnId(sub, name), peerAsnEvent(type, sub, name, asn, previous, state, error));
    }

    static String peerAsnEvent(
            String type, String sub, String name, long asn, String previous, String state, String error) {
        String id = peerAsnId(sub, name);
        return EventJson.write(EventJson.newEvent(
                type,
                PeerAsnEvent.SOURCE,
                id,
                "corr-asn-" + UUID.randomUUID(),
                sub,
                new PeerAsnEvent(id, sub, name, asn, "Contoso", previous, state, error)));
    }

    static void pendingPeerAsn(String sub, String name, long asn) {
        peerAsn(PeerAsnEvent.CREATED, sub, name, asn, "None", "Pending", null);
    }

    static void approve(String sub, String name, long asn) {
        peerAsn(PeerAsnEvent.VALIDATION_STATE_CHANGED, sub, name, asn, "Pending", "Approved", null);
    }

    static void fail(String sub, String name, long asn, String error) {
        peerAsn(PeerAsnEvent.VALIDATION_STATE_CHANGED, sub, name, asn, "Pending", "Failed", error);
    }

    /**
     * A PeerAsn this service knows: the peer-ASN event is consumed asynchronously, so the test waits until
     * the service's view holds the PeerAsn as an event described it (not a creation's placeholder). A PUT
     * cannot tell any more: since read-your-writes (ADR 0009) one naming an unknown PeerAsn is accepted too.
     */
    static void awaitKnown(String sub, String name) {
        PeerAsnViewRepository views =
                Arc.container().instance(PeerAsnViewRepository.class).get();
        String id = peerAsnId(sub, name).toLowerCase(Locale.ROOT);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() ->
                        views.count("peerAsnIdLower = ?1 and validationState <> ?2", id, PeerAsnStates.NOT_YET_KNOWN)
                                > 0));
    }

    static String body(String peerAsnId, String peeringLocation, String connections) {
        return """
                {"sku":{"name":"Premium_Direct_Free"},"kind":"Direct","location":"westus2",
                 "properties":{"direct":{"connections":%s,"peerAsn":{"id":"%s"},"directPeeringType":"IxRs"},
                   "peeringLocation":"%s"}}"""
                .formatted(connections, peerAsnId, peeringLocation);
    }

    static String body(String peerAsnId) {
        return body(peerAsnId, "Seattle", "[" + SEATTLE_CONNECTION + "]");
    }

    static ValidatableResponse put(String path, String body) {
        return given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body(body)
                .put(path)
                .then();
    }

    static ValidatableResponse get(String path) {
        return given().queryParam("api-version", API).get(path).then();
    }

    /** A connection event as connection-service would publish it (data as a map: the contract may grow). */
    static void connectionEvent(
            String type,
            String sub,
            String peeringId,
            String connectionIdentifier,
            String previousState,
            String state,
            String v4,
            String v6,
            Integer provisionedBandwidth) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("connectionIdentifier", connectionIdentifier);
        snapshot.put("peeringDBFacilityId", 143);
        snapshot.put("bandwidthInMbps", 10000);
        snapshot.put("sessionAddressProvider", "Peer");
        snapshot.put("useForPeeringService", false);
        snapshot.put("sessionPrefixV4", "206.81.80.0/22");
        snapshot.put("microsoftSessionIPv4Address", "206.81.80.30");
        snapshot.put("peerSessionIPv4Address", "206.81.81.10");
        snapshot.put("maxPrefixesAdvertisedV4", 1000);
        snapshot.put("md5AuthenticationKeyConfigured", false);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("peeringId", peeringId);
        data.put("subscriptionId", sub);
        data.put("connectionIdentifier", connectionIdentifier);
        data.put("peeringDBFacilityId", 143);
        data.put("previousConnectionState", previousState);
        data.put("connectionState", state);
        data.put("sessionStateV4", v4);
        data.put("sessionStateV6", v6);
        data.put("provisionedBandwidthInMbps", provisionedBandwidth);
        data.put("connection", snapshot);
        data.values().removeIf(v -> v == null);
        TopicWriter.send(
                CONNECTION_TOPIC,
                peeringId,
                EventJson.write(EventJson.newEvent(
                        type,
                        "/services/connection-service",
                        peeringId + "/connections/" + connectionIdentifier,
                        "corr-conn-" + UUID.randomUUID(),
                        sub,
                        data)));
    }
}
