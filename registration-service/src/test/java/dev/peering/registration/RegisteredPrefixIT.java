package dev.peering.registration;

import static dev.peering.registration.Fixtures.API;
import static dev.peering.registration.Fixtures.activePeering;
import static dev.peering.registration.Fixtures.connectionEvent;
import static dev.peering.registration.Fixtures.createPeeringService;
import static dev.peering.registration.Fixtures.getPrefix;
import static dev.peering.registration.Fixtures.getRegisteredPrefix;
import static dev.peering.registration.Fixtures.newSubscription;
import static dev.peering.registration.Fixtures.peeringEvent;
import static dev.peering.registration.Fixtures.peeringId;
import static dev.peering.registration.Fixtures.prefixBody;
import static dev.peering.registration.Fixtures.putPrefix;
import static dev.peering.registration.Fixtures.putRegisteredPrefix;
import static dev.peering.registration.Fixtures.registeredPrefixBody;
import static dev.peering.registration.Fixtures.registeredPrefixPath;
import static dev.peering.registration.Fixtures.validationDelayPasses;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.ConnectionEvent;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The provider's registered prefixes (ARM registeredPrefixes): Pending, then decided by the checks of
 * {@code RegisteredPrefixValidation}; a usable one's Prefix Key verifies its customer's prefixes within it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class RegisteredPrefixIT {

    static TopicReader topic;

    @BeforeAll
    static void readTopic() {
        topic = new TopicReader(Fixtures.REGISTRATIONS);
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    /** A provider with an Active peering 'ix', once registration-service knows it. */
    static String providerWithActivePeering() {
        String provider = newSubscription();
        activePeering(provider, "ix");
        // known here with its Active connection once a registration is accepted
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> Fixtures.putRegisteredAsn(provider, "ix", "probe", Fixtures.asnBody(3356))
                        .statusCode(201));
        return provider;
    }

    static String awaitState(String provider, String name, String state) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> getRegisteredPrefix(provider, "ix", name)
                                .extract()
                                .jsonPath(),
                        json -> state.equals(json.getString("properties.prefixValidationState")))
                .getString("properties.peeringServicePrefixKey");
    }

    @Test
    void pendingThenVerifiedWithAKeyThatVerifiesTheCustomersPrefixesWithinIt() {
        String provider = newSubscription();
        String id = registeredPrefixPath(provider, "ix") + "/web";
        // the peering is not known yet
        putRegisteredPrefix(provider, "ix", "web", registeredPrefixBody("20.5.0.0/16"))
                .statusCode(409)
                .body("error.code", equalTo("PeeringNotFound"));
        activePeering(provider, "ix");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> putRegisteredPrefix(provider, "ix", "web", registeredPrefixBody("20.5.0.0/16"))
                        .statusCode(201)
                        .body("id", equalTo(id))
                        .body("name", equalTo("web"))
                        .body("type", equalTo("Microsoft.Peering/registeredPrefixes"))
                        .body("properties.prefix", equalTo("20.5.0.0/16"))
                        .body("properties.prefixValidationState", equalTo("Pending"))
                        .body("properties.peeringServicePrefixKey", nullValue())
                        .body("properties.provisioningState", equalTo("Succeeded")));
        // the same request again: 200, as it is
        putRegisteredPrefix(provider, "ix", "web", registeredPrefixBody("20.5.0.0/16"))
                .statusCode(200)
                .body("properties.prefixValidationState", equalTo("Pending"));

        validationDelayPasses();
        String key = awaitState(provider, "web", "Verified");
        assertTrue(key.matches(RegisteredAsnIT.UUID_V4), key);
        given().queryParam("api-version", API)
                .get(registeredPrefixPath(provider, "ix"))
                .then()
                .statusCode(200)
                .body("value", hasSize(1))
                .body("value[0].properties.peeringServicePrefixKey", equalTo(key));

        // the customer's prefix within it is verified with its key, one outside it fails, saying so
        String customer = newSubscription();
        createPeeringService(customer, "ps");
        putPrefix(customer, "ps", "inside", prefixBody("20.5.7.0/24", key)).statusCode(201);
        putPrefix(customer, "ps", "outside", prefixBody("20.6.7.0/24", key)).statusCode(201);
        validationDelayPasses();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(customer, "ps", "inside")
                .body("properties.prefixValidationState", equalTo("Verified"))
                .body("properties.learnedType", equalTo("ViaServiceProvider")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(customer, "ps", "outside")
                .body("properties.prefixValidationState", equalTo("Failed"))
                .body("properties.errorMessage", containsString("not within the prefix your service provider")));

        List<TopicReader.Received> events = topic.awaitSubject(id, 2);
        assertEquals(peeringId(provider, "ix"), events.get(0).key());
        assertEquals(
                RegistrationEvent.REGISTERED_PREFIX_VALIDATION_STATE_CHANGED,
                events.get(0).event().type());
        assertEquals(provider, events.get(0).event().subscription());
        RegistrationEvent pending = events.get(0).event().dataAs(RegistrationEvent.class);
        assertEquals("None", pending.previousPrefixValidationState());
        assertEquals("Pending", pending.prefixValidationState());
        assertEquals(id, pending.registeredPrefixId());
        RegistrationEvent verified = events.get(1).event().dataAs(RegistrationEvent.class);
        assertEquals("Verified", verified.prefixValidationState());
        assertEquals(Boolean.TRUE, verified.prefixKeyIssued());
        for (TopicReader.Received r : events) {
            assertFalse(r.value().contains(key), "the Prefix Key must not travel in an event");
        }
    }

    @Test
    void unroutablePrefixesAreInvalidAndAnotherProvidersPrefixFails() {
        String provider = providerWithActivePeering();
        // the ARM example's prefix is private space
        putRegisteredPrefix(provider, "ix", "example", registeredPrefixBody("10.22.20.0/24"))
                .statusCode(201);
        putRegisteredPrefix(provider, "ix", "narrow", registeredPrefixBody("20.7.0.0/25"))
                .statusCode(201);
        String other = providerWithActivePeering();
        putRegisteredPrefix(other, "ix", "theirs", registeredPrefixBody("20.8.0.0/16"))
                .statusCode(201);
        validationDelayPasses();
        awaitState(other, "theirs", "Verified");
        // within theirs, and covering theirs: both overlap
        putRegisteredPrefix(provider, "ix", "mine", registeredPrefixBody("20.8.1.0/24"))
                .statusCode(201);
        putRegisteredPrefix(provider, "ix", "wide", registeredPrefixBody("20.8.0.0/15"))
                .statusCode(201);
        validationDelayPasses();

        assertNull(awaitState(provider, "example", "Invalid"), "no key for an Invalid prefix");
        getRegisteredPrefix(provider, "ix", "example").body("properties.errorMessage", containsString("RFC 1918"));
        awaitState(provider, "narrow", "Invalid");
        getRegisteredPrefix(provider, "ix", "narrow").body("properties.errorMessage", containsString("/24"));
        assertNull(awaitState(provider, "mine", "Failed"), "no key for a Failed prefix");
        getRegisteredPrefix(provider, "ix", "mine")
                .body("properties.errorMessage", containsString("20.8.0.0/16, which another provider registered"));
        assertNull(awaitState(provider, "wide", "Failed"), "no key for a Failed prefix");
        getRegisteredPrefix(provider, "ix", "wide")
                .body("properties.errorMessage", containsString("20.8.0.0/16, which another provider registered"));
    }

    @Test
    void withoutAnActiveConnectionItIsAWarningAndValidateDecidesAgain() {
        String provider = providerWithActivePeering();
        putRegisteredPrefix(provider, "ix", "p", registeredPrefixBody("2620:1ec:40::/48"))
                .statusCode(201);
        connectionEvent(ConnectionEvent.STATE_CHANGED, provider, "ix", "conn1", "ExternalBlocker");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> putRegisteredPrefix(provider, "ix", "probe", registeredPrefixBody("20.9.0.0/16"))
                        .statusCode(409)
                        .body("error.code", equalTo("NoActiveConnection")));
        validationDelayPasses();
        String key = awaitState(provider, "p", "Warning");
        assertTrue(key != null, "a Warning is usable: the key is issued");
        getRegisteredPrefix(provider, "ix", "p")
                .body("properties.errorMessage", containsString("conn1 is ExternalBlocker"));

        connectionEvent(ConnectionEvent.STATE_CHANGED, provider, "ix", "conn1", "Active");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("api-version", API)
                .post(registeredPrefixPath(provider, "ix") + "/p/validate")
                .then()
                .statusCode(200)
                .body("properties.prefixValidationState", equalTo("Pending")));
        validationDelayPasses();
        assertEquals(key, awaitState(provider, "p", "Verified"), "validating again keeps the key");
        given().queryParam("api-version", API)
                .post(registeredPrefixPath(provider, "ix") + "/none/validate")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("ResourceNotFound"));
    }

    @Test
    void deletingOrDeprovisioningRevokesTheKeyAndFailsTheCustomersPrefixes() {
        String provider = providerWithActivePeering();
        putRegisteredPrefix(provider, "ix", "a", registeredPrefixBody("20.10.0.0/16"))
                .statusCode(201);
        putRegisteredPrefix(provider, "ix", "b", registeredPrefixBody("20.11.0.0/16"))
                .statusCode(201);
        validationDelayPasses();
        String keyA = awaitState(provider, "a", "Verified");
        String keyB = awaitState(provider, "b", "Verified");
        String customer = newSubscription();
        createPeeringService(customer, "ps");
        putPrefix(customer, "ps", "a", prefixBody("20.10.1.0/24", keyA)).statusCode(201);
        putPrefix(customer, "ps", "b", prefixBody("20.11.1.0/24", keyB)).statusCode(201);
        validationDelayPasses();
        for (String name : List.of("a", "b")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(customer, "ps", name)
                    .body("properties.prefixValidationState", equalTo("Verified")));
        }

        given().queryParam("api-version", API)
                .delete(registeredPrefixPath(provider, "ix") + "/a")
                .then()
                .statusCode(200);
        given().queryParam("api-version", API)
                .delete(registeredPrefixPath(provider, "ix") + "/a")
                .then()
                .statusCode(204);
        getRegisteredPrefix(provider, "ix", "a").statusCode(404);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(customer, "ps", "a")
                .body("properties.prefixValidationState", equalTo("Failed"))
                .body("properties.errorMessage", equalTo(PeeringServicePrefixes.INVALID_KEY_MESSAGE)));

        peeringEvent(PeeringEvent.DEPROVISION_REQUESTED, provider, "ix");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> getRegisteredPrefix(provider, "ix", "b").statusCode(404));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> getPrefix(customer, "ps", "b")
                .body("properties.prefixValidationState", equalTo("Failed")));
        List<TopicReader.Received> deleted = topic.awaitEvents(
                r -> RegistrationEvent.REGISTERED_PREFIX_DELETED.equals(
                                r.event().type())
                        && r.event().subject().startsWith(peeringId(provider, "ix")),
                2);
        assertEquals(
                List.of(RegistrationEvent.REASON_DELETED, RegistrationEvent.REASON_PEERING_DEPROVISIONED),
                deleted.stream()
                        .map(r -> r.event().dataAs(RegistrationEvent.class).reason())
                        .toList());
    }

    @Test
    void badRequestsAreRefusedAndStoreNothing() {
        String provider = providerWithActivePeering();
        String[][] bodies = {
            {"{}", "'properties'"},
            {"{\"properties\":{}}", "'properties.prefix'"},
            {registeredPrefixBody("not-a-prefix"), "not an IPv4 or IPv6 prefix"},
            {registeredPrefixBody("20.5.0.1/16"), "host bits"},
            {"{\"properties\":{\"prefix\":205}}", "properties"}
        };
        for (String[] b : bodies) {
            putRegisteredPrefix(provider, "ix", "bad", b[0])
                    .statusCode(400)
                    .body("error.code", equalTo("InvalidRequestContent"))
                    .body("error.message", containsString(b[1]));
        }
        getRegisteredPrefix(provider, "ix", "bad").statusCode(404);
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body(registeredPrefixBody("20.12.0.0/16"))
                .put(registeredPrefixPath(provider, "ix") + "/bad.")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("InvalidResourceName"));

        putRegisteredPrefix(provider, "ix", "one", registeredPrefixBody("20.12.0.0/16"))
                .statusCode(201);
        putRegisteredPrefix(provider, "ix", "two", registeredPrefixBody("20.12.0.0/16"))
                .statusCode(409)
                .body("error.code", equalTo("DuplicateRegisteredPrefix"))
                .body("error.message", containsString("'one'"));
        putRegisteredPrefix(provider, "ix", "one", registeredPrefixBody("20.13.0.0/16"))
                .statusCode(400)
                .body("error.message", containsString("cannot change"));
        getRegisteredPrefix(provider, "ix", "one").body("properties.prefix", equalTo("20.12.0.0/16"));
        getRegisteredPrefix(provider, "ix", "two").statusCode(404);
    }
}
