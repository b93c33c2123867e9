package dev.peering.registration;

import static dev.peering.registration.Fixtures.API;
import static dev.peering.registration.Fixtures.activePeering;
import static dev.peering.registration.Fixtures.asnBody;
import static dev.peering.registration.Fixtures.createPeeringService;
import static dev.peering.registration.Fixtures.deleteRegisteredAsn;
import static dev.peering.registration.Fixtures.getPrefix;
import static dev.peering.registration.Fixtures.newSubscription;
import static dev.peering.registration.Fixtures.peeringEvent;
import static dev.peering.registration.Fixtures.peeringServicePath;
import static dev.peering.registration.Fixtures.prefixBody;
import static dev.peering.registration.Fixtures.putPrefix;
import static dev.peering.registration.Fixtures.putRegisteredAsn;
import static dev.peering.registration.Fixtures.validationDelayPasses;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.peering.events.PeeringEvent;
import dev.peering.events.RegistrationEvent;
import dev.peering.registration.service.PeeringServicePrefixes;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The customer's side: a Peering Service prefix verified by the Prefix Key its provider issued. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class PeeringServicePrefixIT {

    static TopicReader topic;

    @BeforeAll
    static void readTopic() {
        topic = new TopicReader(Fixtures.REGISTRATIONS);
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    /** The provider registers a customer ASN under an Active peering and reads its key. */
    static String issueKey(String providerSub, long asn) {
        activePeering(providerSub, "ix");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> putRegisteredAsn(providerSub, "ix", "customer", asnBody(asn))
                        .statusCode(201));
        return given().queryParam("api-version", API)
                .get(Fixtures.registeredAsnPath(providerSub, "ix") + "/customer")
                .then()
                .statusCode(200)
                .extract()
                .path("properties.peeringServicePrefixKey");
    }

    @Test
    void aPrefixWithTheProvidersKeyIsVerifiedAndAWrongKeyFails() {
        String provider = newSubscription();
        String key = issueKey(provider, 3356);
        String customer = newSubscription();
        createPeeringService(customer, "ps");
        String id = peeringServicePath(customer, "ps") + "/prefixes/good";
        String correlation = "corr-" + UUID.randomUUID();

        given().queryParam("api-version", API)
                .header("x-ms-correlation-request-id", correlation)
                .contentType(ContentType.JSON)
                .body(prefixBody("20.21.2.0/24", key.toUpperCase()))
                .put(id)
                .then()
                .statusCode(201)
                .body("id", equalTo(id))
                .body("name", equalTo("good"))
                .body("properties.prefix", equalTo("20.21.2.0/24"))
                .body("properties.prefixValidationState", equalTo("Pending"))
                .body("properties.learnedType", equalTo("None"))
                .body("properties.peeringServicePrefixKey", equalTo(key))
                .body("properties.provisioningState", equalTo("Succeeded"));
        String wrong = UUID.randomUUID().toString();
        putPrefix(customer, "ps", "wrong", prefixBody("20.21.3.0/24", wrong))
                .statusCode(201)
                .body("properties.prefixValidationState", equalTo("Pending"));

        // Pending for as long as the validation delay lasts
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> getPrefix(
                        customer, "ps", "good")
                .body("properties.prefixValidationState", equalTo("Pending")));
        validationDelayPasses();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(customer, "ps", "good")
                .statusCode(200)
                .body("properties.prefixValidationState", equalTo("Verified"))
                .body("properties.learnedType", equalTo("ViaServiceProvider"))
                // no router holds routes (the stand-in answers as the simulated BGP does): the reason says so
                .body(
                        "properties.errorMessage",
                        equalTo("The origin ASN was not checked: connection-service holds no received routes (This"
                                + " deployment simulates its BGP sessions (peering.route-server.provisioner=simulated):"
                                + " no router holds received routes.)")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(customer, "ps", "wrong")
                .statusCode(200)
                .body("properties.prefixValidationState", equalTo("Failed"))
                .body("properties.errorMessage", equalTo(PeeringServicePrefixes.INVALID_KEY_MESSAGE)));

        // the customer corrects the key: Pending again, then Verified
        putPrefix(customer, "ps", "wrong", prefixBody("20.21.3.0/24", key))
                .statusCode(200)
                .body("properties.prefixValidationState", equalTo("Pending"))
                .body("properties.errorMessage", nullValue());
        validationDelayPasses();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(customer, "ps", "wrong")
                .body("properties.prefixValidationState", equalTo("Verified")));

        List<TopicReader.Received> events = topic.awaitSubject(id, 2);
        assertEquals(peeringServicePath(customer, "ps"), events.get(0).key());
        assertEquals(
                RegistrationEvent.PREFIX_VALIDATION_STATE_CHANGED,
                events.get(0).event().type());
        assertEquals(customer, events.get(0).event().subscription());
        RegistrationEvent pending = events.get(0).event().dataAs(RegistrationEvent.class);
        assertEquals("None", pending.previousPrefixValidationState());
        assertEquals("Pending", pending.prefixValidationState());
        RegistrationEvent verified = events.get(1).event().dataAs(RegistrationEvent.class);
        assertEquals("Verified", verified.prefixValidationState());
        assertEquals(correlation, events.get(1).event().correlationid());
        for (TopicReader.Received r : events) {
            assertFalse(r.value().contains(key), "the Prefix Key must not travel in an event");
            assertFalse(r.value().contains(provider), "a customer's event names nothing of the provider");
        }
        given().queryParam("api-version", API)
                .get(peeringServicePath(customer, "ps") + "/prefixes")
                .then()
                .statusCode(200)
                .body("value", hasSize(2))
                .body("value[0].name", equalTo("good"));
    }

    @Test
    void deletingTheRegisteredAsnRevokesTheKeyAndItsPrefixesFail() {
        String provider = newSubscription();
        String key = issueKey(provider, 174);
        String customer = newSubscription();
        createPeeringService(customer, "ps");
        putPrefix(customer, "ps", "p1", prefixBody("20.9.0.0/16", key)).statusCode(201);
        validationDelayPasses();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(customer, "ps", "p1")
                .body("properties.prefixValidationState", equalTo("Verified")));

        deleteRegisteredAsn(provider, "ix", "customer").statusCode(200);
        getPrefix(customer, "ps", "p1")
                .statusCode(200)
                .body("properties.prefixValidationState", equalTo("Failed"))
                .body("properties.learnedType", equalTo("None"))
                .body("properties.errorMessage", equalTo(PeeringServicePrefixes.INVALID_KEY_MESSAGE));

        // a revoked key gets the same answer as a key that never existed
        putPrefix(customer, "ps", "p2", prefixBody("20.10.0.0/16", key)).statusCode(201);
        validationDelayPasses();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(customer, "ps", "p2")
                .body("properties.prefixValidationState", equalTo("Failed"))
                .body("properties.errorMessage", equalTo(PeeringServicePrefixes.INVALID_KEY_MESSAGE)));

        String id = peeringServicePath(customer, "ps") + "/prefixes/p1";
        List<TopicReader.Received> events = topic.awaitSubject(id, 3);
        RegistrationEvent failed = events.get(2).event().dataAs(RegistrationEvent.class);
        assertEquals("Verified", failed.previousPrefixValidationState());
        assertEquals("Failed", failed.prefixValidationState());
        assertFalse(events.get(2).value().contains(key));
    }

    @Test
    void deprovisioningTheProvidersPeeringFailsTheCustomersPrefixes() {
        String provider = newSubscription();
        String key = issueKey(provider, 6939);
        String customer = newSubscription();
        createPeeringService(customer, "ps");
        putPrefix(customer, "ps", "p1", prefixBody("2620:1ec:10::/48", key)).statusCode(201);
        validationDelayPasses();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(customer, "ps", "p1")
                .body("properties.prefixValidationState", equalTo("Verified")));

        peeringEvent(PeeringEvent.DEPROVISION_REQUESTED, provider, "ix");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(customer, "ps", "p1")
                .body("properties.prefixValidationState", equalTo("Failed"))
                .body("properties.errorMessage", equalTo(PeeringServicePrefixes.INVALID_KEY_MESSAGE)));
    }

    @Test
    void privateAndReservedPrefixesAreInvalidWithTheRuleTheyBreak() {
        String provider = newSubscription();
        String key = issueKey(provider, 3257);
        String customer = newSubscription();
        createPeeringService(customer, "ps");
        String[][] cases = {
            {"192.168.1.0/24", "private"},
            {"10.0.0.0/8", "private"},
            {"100.64.0.0/16", "carrier-grade NAT"},
            {"198.51.100.0/24", "documentation"},
            {"224.0.0.0/8", "multicast"},
            {"0.0.0.0/0", "covers"},
            {"20.1.2.128/25", "more specific than /24"},
            {"fd00::/8", "global unicast"},
            {"2001:db8:1::/48", "documentation"},
            {"2620:1ec:1::/64", "more specific than /48"}
        };
        for (int i = 0; i < cases.length; i++) {
            putPrefix(customer, "ps", "p" + i, prefixBody(cases[i][0], key))
                    .statusCode(201)
                    .body("properties.prefixValidationState", equalTo("Pending"));
        }
        validationDelayPasses();
        for (int i = 0; i < cases.length; i++) {
            String name = "p" + i;
            String word = cases[i][1];
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(customer, "ps", name)
                    .body("properties.prefixValidationState", equalTo("Invalid"))
                    .body("properties.errorMessage", containsString(word)));
        }
    }

    @Test
    void anotherCustomersPrefixFailsAndTheHistoryListsEveryChange() {
        String provider = newSubscription();
        String key = issueKey(provider, 2914);
        String first = newSubscription();
        createPeeringService(first, "ps");
        putPrefix(first, "ps", "p", prefixBody("20.30.0.0/24", key)).statusCode(201);
        putPrefix(first, "ps", "wide", prefixBody("20.31.0.0/22", key)).statusCode(201);
        validationDelayPasses();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(first, "ps", "p")
                .body("properties.prefixValidationState", equalTo("Verified")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(first, "ps", "wide")
                .body("properties.prefixValidationState", equalTo("Verified")));
        String second = newSubscription();
        createPeeringService(second, "ps");
        putPrefix(second, "ps", "p", prefixBody("20.30.0.0/23", key)).statusCode(201);
        validationDelayPasses();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(second, "ps", "p")
                .body("properties.prefixValidationState", equalTo("Failed"))
                .body("properties.errorMessage", containsString("20.30.0.0/24, which another customer")));
        // covering another customer's prefix fails (above), and so does a prefix within one
        putPrefix(second, "ps", "within", prefixBody("20.31.2.0/24", key)).statusCode(201);
        validationDelayPasses();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(second, "ps", "within")
                .body("properties.prefixValidationState", equalTo("Failed"))
                .body("properties.errorMessage", containsString("20.31.0.0/22, which another customer")));

        getPrefix(second, "ps", "p").body("properties.events", nullValue());
        given().queryParam("api-version", API)
                .queryParam("$expand", "events")
                .get(peeringServicePath(second, "ps") + "/prefixes/p")
                .then()
                .statusCode(200)
                .body("properties.events", hasSize(2))
                .body("properties.events[0].eventType", equalTo("PrefixValidationStateChanged"))
                .body("properties.events[0].eventSummary", equalTo("None -> Pending"))
                .body("properties.events[0].eventLevel", equalTo("Information"))
                .body("properties.events[1].eventSummary", equalTo("Pending -> Failed"))
                .body("properties.events[1].eventLevel", equalTo("Error"))
                .body("properties.events[1].eventDescription", containsString("another customer"))
                .body("properties.events[1].eventTimestamp", org.hamcrest.Matchers.notNullValue());
        given().queryParam("api-version", API)
                .queryParam("$expand", "events")
                .get(peeringServicePath(first, "ps") + "/prefixes")
                .then()
                .statusCode(200)
                .body(
                        "value[0].properties.events.eventSummary",
                        equalTo(List.of("None -> Pending", "Pending -> Verified")));
        given().queryParam("api-version", API)
                .queryParam("$expand", "everything")
                .get(peeringServicePath(first, "ps") + "/prefixes/p")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("InvalidQueryParameter"));
    }

    @Test
    void badInputIsA400AndStoresNothing() {
        String customer = newSubscription();
        String key = UUID.randomUUID().toString();
        // no Peering Service yet
        putPrefix(customer, "ps", "p", prefixBody("20.1.2.0/24", key))
                .statusCode(404)
                .body("error.code", equalTo("ResourceNotFound"));
        createPeeringService(customer, "ps");
        String[] notPrefixes = {
            "20.1.2.0",
            "20.1.2.0/33",
            "20.1.2/24",
            "20.1.2.5/24",
            "example.com/24",
            "2001:db8::/129",
            "fe80::1%eth0/64",
            "020.1.2.0/24",
            "20.1.2.0/-1",
            " 20.1.2.0/24"
        };
        for (String p : notPrefixes) {
            putPrefix(customer, "ps", "p", prefixBody(p, key))
                    .statusCode(400)
                    .body("error.code", equalTo("InvalidRequestContent"))
                    .body("error.message", containsString("properties.prefix"));
        }
        putPrefix(customer, "ps", "p", prefixBody("20.1.2.5/24", key))
                .body("error.message", containsString("20.1.2.0/24"));
        putPrefix(customer, "ps", "p", prefixBody("20.1.2.0/24", "not-a-key"))
                .statusCode(400)
                .body("error.message", containsString("properties.peeringServicePrefixKey"));
        putPrefix(customer, "ps", "p", "{\"properties\":{\"prefix\":\"20.1.2.0/24\"}}")
                .statusCode(400)
                .body("error.message", containsString("properties.peeringServicePrefixKey"));
        putPrefix(customer, "ps", "p", "{}").statusCode(400);
        getPrefix(customer, "ps", "p").statusCode(404);

        // the same prefix twice in one Peering Service
        putPrefix(customer, "ps", "a", prefixBody("2620:1EC:0::/48", key))
                .statusCode(201)
                .body("properties.prefix", equalTo("2620:1ec::/48"));
        putPrefix(customer, "ps", "b", prefixBody("2620:1ec::/48", key))
                .statusCode(409)
                .body("error.code", equalTo("PrefixAlreadyExists"));

        // a Peering Service needs its location and provider
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body("{\"properties\":{\"peeringServiceProvider\":\"Contoso IX\"}}")
                .put(peeringServicePath(customer, "ps2"))
                .then()
                .statusCode(400)
                .body("error.message", containsString("location"));
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body("{\"location\":\"eastus\",\"properties\":{}}")
                .put(peeringServicePath(customer, "ps2"))
                .then()
                .statusCode(400)
                .body("error.message", containsString("peeringServiceProvider"));
        given().queryParam("api-version", API)
                .get(peeringServicePath(customer, "ps2"))
                .then()
                .statusCode(404);
    }

    @Test
    void aPeeringServiceIsReadUpdatedAndDeletedWithItsPrefixes() {
        String customer = newSubscription();
        createPeeringService(customer, "ps");
        given().queryParam("api-version", API)
                .get(peeringServicePath(customer, "ps"))
                .then()
                .statusCode(200)
                .body("type", equalTo("Microsoft.Peering/peeringServices"))
                .body("location", equalTo("eastus"))
                .body("properties.peeringServiceLocation", equalTo("Washington"))
                .body("properties.peeringServiceProvider", equalTo("Contoso IX"))
                .body("properties.provisioningState", equalTo("Succeeded"));
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body("{\"location\":\"westus\",\"properties\":{\"peeringServiceProvider\":\"Contoso IX\"}}")
                .put(peeringServicePath(customer, "ps"))
                .then()
                .statusCode(400)
                .body("error.message", containsString("location"));
        putPrefix(
                        customer,
                        "ps",
                        "p",
                        prefixBody("20.1.2.0/24", UUID.randomUUID().toString()))
                .statusCode(201);
        given().queryParam("api-version", API)
                .delete(peeringServicePath(customer, "ps"))
                .then()
                .statusCode(200);
        given().queryParam("api-version", API)
                .delete(peeringServicePath(customer, "ps"))
                .then()
                .statusCode(204);
        getPrefix(customer, "ps", "p").statusCode(404);
        String id = peeringServicePath(customer, "ps") + "/prefixes/p";
        List<TopicReader.Received> events = topic.awaitSubject(id, 2);
        assertEquals(RegistrationEvent.PREFIX_DELETED, events.get(1).event().type());
    }
}
