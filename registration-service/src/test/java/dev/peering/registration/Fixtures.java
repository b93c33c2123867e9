package dev.peering.registration;

import static io.restassured.RestAssured.given;

import dev.peering.events.ConnectionEvent;
import dev.peering.events.EventJson;
import dev.peering.events.PeeringEvent;
import dev.peering.testsupport.AdjustableTimeSource;
import dev.peering.testsupport.TopicWriter;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * What the tests need: the other services' events, written as they publish them, and the REST calls of
 * a provider and of its customer.
 */
final class Fixtures {

    static final String API = "2022-10-01";
    static final String PEERINGS = "peering.peering-events";
    static final String CONNECTIONS = "peering.connection-events";
    static final String REGISTRATIONS = "peering.registration-events";
    static final String RG = "rgName";

    private Fixtures() {}

    static String newSubscription() {
        return "sub-" + UUID.randomUUID();
    }

    static String peeringId(String sub, String peering) {
        return "/subscriptions/" + sub + "/resourceGroups/" + RG + "/providers/Microsoft.Peering/peerings/" + peering;
    }

    static String registeredAsnPath(String sub, String peering) {
        return peeringId(sub, peering) + "/registeredAsns";
    }

    static String peeringServicePath(String sub, String ps) {
        return "/subscriptions/" + sub + "/resourceGroups/" + RG + "/providers/Microsoft.Peering/peeringServices/" + ps;
    }

    /** The peering service's event about a peering of {@code sub}. */
    static void peeringEvent(String type, String sub, String peering) {
        TopicWriter.send(PEERINGS, peeringId(sub, peering), peeringEventJson(type, sub, peering));
    }

    static String peeringEventJson(String type, String sub, String peering) {
        String id = peeringId(sub, peering);
        return EventJson.write(EventJson.newEvent(
                type,
                PeeringEvent.SOURCE,
                id,
                "corr-peering",
                sub,
                new PeeringEvent(
                        id,
                        sub,
                        RG,
                        peering,
                        "/subscriptions/" + sub + "/providers/Microsoft.Peering/peerAsns/contoso",
                        "Seattle",
                        null,
                        "Updating",
                        null,
                        List.of())));
    }

    /** The connection service's event: a connection of the peering is now in {@code state}. */
    static void connectionEvent(String type, String sub, String peering, String connection, String state) {
        TopicWriter.send(
                CONNECTIONS, peeringId(sub, peering), connectionEventJson(type, sub, peering, connection, state));
    }

    static String connectionEventJson(String type, String sub, String peering, String connection, String state) {
        String id = peeringId(sub, peering);
        return EventJson.write(EventJson.newEvent(
                type,
                ConnectionEvent.SOURCE,
                id + "/connections/" + connection,
                "corr-connection",
                sub,
                new ConnectionEvent(
                        id,
                        sub,
                        connection,
                        99999,
                        "Validating",
                        state,
                        null,
                        null,
                        null,
                        null,
                        10000,
                        null,
                        null,
                        OffsetDateTime.now(ZoneOffset.UTC),
                        null,
                        null,
                        null)));
    }

    /** A peering created, with one connection that reached Active. */
    static void activePeering(String sub, String peering) {
        peeringEvent(PeeringEvent.CREATED, sub, peering);
        connectionEvent(ConnectionEvent.STATE_CHANGED, sub, peering, "conn1", "Active");
    }

    static String asnBody(long asn) {
        return "{\"properties\":{\"asn\":" + asn + "}}";
    }

    static ValidatableResponse putRegisteredAsn(String sub, String peering, String name, String body) {
        return given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body(body)
                .put(registeredAsnPath(sub, peering) + "/" + name)
                .then();
    }

    static ValidatableResponse getRegisteredAsn(String sub, String peering, String name) {
        return given().queryParam("api-version", API)
                .get(registeredAsnPath(sub, peering) + "/" + name)
                .then();
    }

    static ValidatableResponse deleteRegisteredAsn(String sub, String peering, String name) {
        return given().queryParam("api-version", API)
                .delete(registeredAsnPath(sub, peering) + "/" + name)
                .then();
    }

    static String registeredPrefixPath(String sub, String peering) {
        return peeringId(sub, peering) + "/registeredPrefixes";
    }

    static String registeredPrefixBody(String prefix) {
        return "{\"properties\":{\"prefix\":\"" + prefix + "\"}}";
    }

    static ValidatableResponse putRegisteredPrefix(String sub, String peering, String name, String body) {
        return given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body(body)
                .put(registeredPrefixPath(sub, peering) + "/" + name)
                .then();
    }

    static ValidatableResponse getRegisteredPrefix(String sub, String peering, String name) {
        return given().queryParam("api-version", API)
                .get(registeredPrefixPath(sub, peering) + "/" + name)
                .then();
    }

    static void createPeeringService(String sub, String ps) {
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"location":"eastus","properties":{"peeringServiceLocation":"Washington",
                         "peeringServiceProvider":"Contoso IX"}}""")
                .put(peeringServicePath(sub, ps))
                .then()
                .statusCode(201);
    }

    static String prefixBody(String prefix, String key) {
        return "{\"properties\":{\"prefix\":\"" + prefix + "\",\"peeringServicePrefixKey\":\"" + key + "\"}}";
    }

    static ValidatableResponse putPrefix(String sub, String ps, String name, String body) {
        return given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body(body)
                .put(peeringServicePath(sub, ps) + "/prefixes/" + name)
                .then();
    }

    static ValidatableResponse getPrefix(String sub, String ps, String name) {
        return given().queryParam("api-version", API)
                .get(peeringServicePath(sub, ps) + "/prefixes/" + name)
                .then();
    }

    /** Lets the prefix validation delay pass. */
    static void validationDelayPasses() {
        AdjustableTimeSource.advance(Duration.ofMinutes(1));
    }
}
