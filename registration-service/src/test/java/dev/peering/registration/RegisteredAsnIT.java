package dev.peering.registration;

import static dev.peering.registration.Fixtures.API;
import static dev.peering.registration.Fixtures.activePeering;
import static dev.peering.registration.Fixtures.asnBody;
import static dev.peering.registration.Fixtures.connectionEvent;
import static dev.peering.registration.Fixtures.deleteRegisteredAsn;
import static dev.peering.registration.Fixtures.getRegisteredAsn;
import static dev.peering.registration.Fixtures.newSubscription;
import static dev.peering.registration.Fixtures.peeringEvent;
import static dev.peering.registration.Fixtures.peeringId;
import static dev.peering.registration.Fixtures.putRegisteredAsn;
import static dev.peering.registration.Fixtures.registeredAsnPath;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.ConnectionEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.events.RegistrationEvent;
import dev.peering.events.Topics;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.Scrape;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider's side: registering customer ASNs under a peering, their Prefix Keys and revocation. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class RegisteredAsnIT {

    static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    static TopicReader topic;

    @BeforeAll
    static void readTopic() {
        topic = new TopicReader(Fixtures.REGISTRATIONS);
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    @Test
    void registrationIsRefusedUntilAConnectionIsActiveThenAcceptedWithAKey() {
        String sub = newSubscription();
        // the peering is not known yet
        putRegisteredAsn(sub, "ix", "contoso", asnBody(3356))
                .statusCode(409)
                .body("error.code", equalTo("PeeringNotFound"))
                .body("error.message", containsString("'ix'"));

        peeringEvent(PeeringEvent.CREATED, sub, "ix");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> putRegisteredAsn(sub, "ix", "contoso", asnBody(3356))
                .statusCode(409)
                .body("error.code", equalTo("NoActiveConnection"))
                .body("error.message", containsString("no connection has been provisioned")));

        connectionEvent(ConnectionEvent.STATE_CHANGED, sub, "ix", "conn1", "ProvisioningStarted");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> putRegisteredAsn(sub, "ix", "contoso", asnBody(3356))
                .statusCode(409)
                .body("error.code", equalTo("NoActiveConnection"))
                .body("error.message", containsString("conn1 is ProvisioningStarted")));
        getRegisteredAsn(sub, "ix", "contoso").statusCode(404).body("error.code", equalTo("ResourceNotFound"));

        connectionEvent(ConnectionEvent.STATE_CHANGED, sub, "ix", "conn1", "Active");
        String correlation = "corr-" + java.util.UUID.randomUUID();
        String id = registeredAsnPath(sub, "ix") + "/contoso";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("api-version", API)
                .header("x-ms-correlation-request-id", correlation)
                .contentType(ContentType.JSON)
                .body(asnBody(3356))
                .put(id)
                .then()
                .statusCode(201)
                .body("id", equalTo(id))
                .body("name", equalTo("contoso"))
                .body("type", equalTo("Microsoft.Peering/registeredAsns"))
                .body("properties.asn", equalTo(3356))
                .body("properties.provisioningState", equalTo("Succeeded"))
                .body("properties.peeringServicePrefixKey", matchesPattern(UUID_V4)));

        String key = getRegisteredAsn(sub, "ix", "contoso")
                .statusCode(200)
                .extract()
                .path("properties.peeringServicePrefixKey");
        // the same request again answers 200 with the same key; the ASN cannot change
        putRegisteredAsn(sub, "ix", "contoso", asnBody(3356))
                .statusCode(200)
                .body("properties.peeringServicePrefixKey", equalTo(key));
        putRegisteredAsn(sub, "ix", "contoso", asnBody(174))
                .statusCode(400)
                .body("error.code", equalTo("InvalidRequestContent"))
                .body("error.message", containsString("properties.asn"));

        TopicReader.Received registered = topic.awaitSubjectExactly(id, 1).get(0);
        assertEquals(RegistrationEvent.ASN_REGISTERED, registered.event().type());
        assertEquals(peeringId(sub, "ix"), registered.key());
        assertEquals(sub, registered.event().subscription());
        assertEquals(correlation, registered.event().correlationid());
        assertEquals(RegistrationEvent.SOURCE, registered.event().source());
        RegistrationEvent data = registered.event().dataAs(RegistrationEvent.class);
        assertEquals(Boolean.TRUE, data.prefixKeyIssued());
        assertEquals(3356L, data.asn());
        assertFalse(registered.value().contains(key), "the Prefix Key must not travel in an event");
        // a second registration event would mean the repeated PUT published again
        assertEquals(1, topic.awaitSubjectExactly(id, 1).size());
    }

    @Test
    void aPrivateOrReservedCustomerAsnIsRefusedAndNothingIsStored() {
        String sub = newSubscription();
        activePeering(sub, "ix");
        long[] asns = {65000, 64512, 4_200_000_000L, 23456, 64496, 0, 8075, 4_294_967_295L};
        String[] words = {
            "private", "private", "private", "AS_TRANS", "documentation", "reserved", "Microsoft", "reserved"
        };
        for (int i = 0; i < asns.length; i++) {
            putRegisteredAsn(sub, "ix", "c" + i, asnBody(asns[i]))
                    .statusCode(400)
                    .body("error.code", equalTo("InvalidRequestContent"))
                    .body("error.message", containsString("properties.asn"))
                    .body("error.message", containsString(words[i]));
            getRegisteredAsn(sub, "ix", "c" + i).statusCode(404);
        }
        putRegisteredAsn(sub, "ix", "big", asnBody(4_294_967_296L))
                .statusCode(400)
                .body("error.code", equalTo("InvalidRequestContent"));
        putRegisteredAsn(sub, "ix", "none", "{\"properties\":{}}")
                .statusCode(400)
                .body("error.message", containsString("properties.asn"));
        putRegisteredAsn(sub, "ix", "text", "{\"properties\":{\"asn\":\"3356\"}}")
                .statusCode(400);
        putRegisteredAsn(sub, "ix", "bad name.", asnBody(3356))
                .statusCode(400)
                .body("error.code", equalTo("InvalidResourceName"));
        given().queryParam("api-version", API)
                .get(registeredAsnPath(sub, "ix"))
                .then()
                .statusCode(200)
                .body("value", hasSize(0));
    }

    @Test
    void theSameAsnCannotBeRegisteredTwiceUnderOnePeering() {
        String sub = newSubscription();
        activePeering(sub, "ix");
        activePeering(sub, "ix2");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> putRegisteredAsn(sub, "ix", "first", asnBody(3356))
                .statusCode(201));
        putRegisteredAsn(sub, "ix", "second", asnBody(3356))
                .statusCode(409)
                .body("error.code", equalTo("DuplicateRegisteredAsn"))
                .body("error.message", containsStringIgnoringCase("duplicate registration of an ASN is not allowed"))
                .body("error.message", containsString("'first'"));
        getRegisteredAsn(sub, "ix", "second").statusCode(404);
        // another peering may register it
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> putRegisteredAsn(sub, "ix2", "first", asnBody(3356))
                .statusCode(201));
    }

    @Test
    void keysAreUniqueAcrossManyRegistrationsAndListsPage() {
        String sub = newSubscription();
        activePeering(sub, "ix");
        int count = 40;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> putRegisteredAsn(sub, "ix", "c00", asnBody(200_000))
                .statusCode(201));
        for (int i = 1; i < count; i++) {
            putRegisteredAsn(sub, "ix", String.format("c%02d", i), asnBody(200_000 + i))
                    .statusCode(201);
        }
        Set<String> keys = new HashSet<>();
        List<String> names = new ArrayList<>();
        String next = registeredAsnPath(sub, "ix") + "?api-version=" + API + "&$top=15";
        int pages = 0;
        while (next != null) {
            JsonPath page = given().urlEncodingEnabled(false)
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> pageKeys = page.getList("value.properties.peeringServicePrefixKey");
            keys.addAll(pageKeys);
            names.addAll(page.getList("value.name"));
            next = page.getString("nextLink");
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(count, names.size());
        assertEquals(count, keys.size(), "every registration has a key of its own");
        assertTrue(keys.stream().allMatch(k -> k.matches(UUID_V4)));

        // no event of the peering carries any of the keys
        List<TopicReader.Received> events =
                topic.awaitExactly(r -> peeringId(sub, "ix").equals(r.key()), count);
        assertEquals(count, events.size());
        for (TopicReader.Received r : events) {
            for (String key : keys) {
                assertFalse(r.value().contains(key), "the Prefix Key must not travel in an event");
            }
        }
    }

    @Test
    void theKeyIsVisibleOnlyUnderTheOwningSubscription() {
        String sub = newSubscription();
        activePeering(sub, "ix");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> putRegisteredAsn(sub, "ix", "contoso", asnBody(3356))
                .statusCode(201));
        String other = newSubscription();
        getRegisteredAsn(other, "ix", "contoso").statusCode(404);
        given().queryParam("api-version", API)
                .get(registeredAsnPath(other, "ix"))
                .then()
                .statusCode(200)
                .body("value", hasSize(0));
    }

    @Test
    void deleteRevokesTheKey() {
        double issued = Scrape.value("peering_prefix_keys_issued_total");
        double revokedByDelete = Scrape.value("peering_prefix_keys_revoked_total", "reason=\"Deleted\"");
        String sub = newSubscription();
        activePeering(sub, "ix");
        String id = registeredAsnPath(sub, "ix") + "/contoso";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> putRegisteredAsn(sub, "ix", "contoso", asnBody(3356))
                .statusCode(201));
        deleteRegisteredAsn(sub, "ix", "contoso").statusCode(200);
        deleteRegisteredAsn(sub, "ix", "contoso").statusCode(204);
        getRegisteredAsn(sub, "ix", "contoso").statusCode(404);

        List<TopicReader.Received> events = topic.awaitSubjectExactly(id, 2);
        assertEquals(RegistrationEvent.ASN_UNREGISTERED, events.get(1).event().type());
        RegistrationEvent data = events.get(1).event().dataAs(RegistrationEvent.class);
        assertEquals(Boolean.TRUE, data.prefixKeyRevoked());
        assertNull(data.prefixKeyIssued());
        assertEquals(RegistrationEvent.REASON_DELETED, data.reason());

        // registering again issues a new key
        String again = putRegisteredAsn(sub, "ix", "contoso", asnBody(3356))
                .statusCode(201)
                .body("properties.peeringServicePrefixKey", notNullValue())
                .extract()
                .path("properties.peeringServicePrefixKey");
        assertFalse(events.get(0).value().contains(again));
        // ADR 0022: the state topic had the registered ASN, its tombstone, and the new registration; never a key
        try (TopicReader state = new TopicReader(Topics.REGISTERED_ASNS_STATE)) {
            List<TopicReader.Received> snapshots = state.awaitExactly(r -> id.equals(r.key()), 3);
            assertEquals(
                    RegistrationEvent.REGISTERED_ASN_STATE,
                    snapshots.get(0).event().type());
            assertEquals(
                    Long.valueOf(3356),
                    snapshots.get(0).event().dataAs(RegistrationEvent.class).asn());
            assertNull(snapshots.get(1).value(), "a tombstone when the registered ASN is removed");
            assertEquals(id, snapshots.get(2).event().subject());
            for (TopicReader.Received r : List.of(snapshots.get(0), snapshots.get(2))) {
                assertFalse(r.value().contains(again), r.value());
                assertFalse(r.value().contains("peeringServicePrefixKey"), r.value());
            }
        }
        // counted once committed: two keys issued, one revoked by the delete (the second delete had nothing)
        assertEquals(issued + 2, Scrape.value("peering_prefix_keys_issued_total"));
        assertEquals(revokedByDelete + 1, Scrape.value("peering_prefix_keys_revoked_total", "reason=\"Deleted\""));
    }

    @Test
    void deprovisioningThePeeringRevokesItsRegisteredAsnsAndRefusesNewOnes() {
        String sub = newSubscription();
        activePeering(sub, "ix");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> putRegisteredAsn(sub, "ix", "a", asnBody(3356))
                .statusCode(201));
        putRegisteredAsn(sub, "ix", "b", asnBody(174)).statusCode(201);

        peeringEvent(PeeringEvent.DEPROVISION_REQUESTED, sub, "ix");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("api-version", API)
                .get(registeredAsnPath(sub, "ix"))
                .then()
                .statusCode(200)
                .body("value", hasSize(0)));
        List<TopicReader.Received> revoked = topic.awaitExactly(
                r -> peeringId(sub, "ix").equals(r.key())
                        && RegistrationEvent.ASN_UNREGISTERED.equals(r.event().type()),
                2);
        assertEquals(2, revoked.size());
        assertEquals(
                RegistrationEvent.REASON_PEERING_DEPROVISIONED,
                revoked.get(0).event().dataAs(RegistrationEvent.class).reason());
        // the revocation belongs to the workflow of the deprovisioning request
        assertEquals("corr-peering", revoked.get(0).event().correlationid());

        putRegisteredAsn(sub, "ix", "c", asnBody(3356))
                .statusCode(409)
                .body("error.code", equalTo("PeeringNotActive"))
                .body("error.message", containsString("deprovisioned"));

        peeringEvent(PeeringEvent.DELETED, sub, "ix");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> putRegisteredAsn(sub, "ix", "c", asnBody(3356))
                .statusCode(409)
                .body("error.code", equalTo("PeeringNotFound")));
    }

    @Test
    void deletingThePeeringRevokesItsRegisteredAsns() {
        String sub = newSubscription();
        activePeering(sub, "ix");
        String id = registeredAsnPath(sub, "ix") + "/a";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> putRegisteredAsn(sub, "ix", "a", asnBody(3356))
                .statusCode(201));
        peeringEvent(PeeringEvent.DELETED, sub, "ix");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> getRegisteredAsn(sub, "ix", "a").statusCode(404));
        TopicReader.Received revoked = topic.awaitSubjectExactly(id, 2).get(1);
        assertEquals(RegistrationEvent.ASN_UNREGISTERED, revoked.event().type());
        assertEquals(
                Boolean.TRUE, revoked.event().dataAs(RegistrationEvent.class).prefixKeyRevoked());
    }

    @Test
    void aFailedPeeringAndARemovedConnectionRefuseRegistration() {
        String sub = newSubscription();
        peeringEvent(PeeringEvent.CREATED, sub, "failed");
        peeringEvent(PeeringEvent.FAILED, sub, "failed");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> putRegisteredAsn(sub, "failed", "c", asnBody(3356))
                .statusCode(409)
                .body("error.code", equalTo("PeeringNotActive"))
                .body("error.message", containsString("failed")));

        activePeering(sub, "ix");
        connectionEvent(ConnectionEvent.REMOVED, sub, "ix", "conn1", "Active");
        connectionEvent(ConnectionEvent.STATE_CHANGED, sub, "ix", "conn2", "Approved");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> putRegisteredAsn(sub, "ix", "c", asnBody(3356))
                .statusCode(409)
                .body("error.code", equalTo("NoActiveConnection"))
                .body("error.message", containsString("conn2 is Approved"))
                .body("error.message", org.hamcrest.Matchers.not(containsString("conn1"))));
        getRegisteredAsn(sub, "ix", "c").statusCode(404).body("properties", nullValue());
    }
}
