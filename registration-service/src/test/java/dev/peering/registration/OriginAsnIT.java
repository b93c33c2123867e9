package dev.peering.registration;

import static dev.peering.registration.Fixtures.createPeeringService;
import static dev.peering.registration.Fixtures.getPrefix;
import static dev.peering.registration.Fixtures.getRegisteredPrefix;
import static dev.peering.registration.Fixtures.newSubscription;
import static dev.peering.registration.Fixtures.peeringId;
import static dev.peering.registration.Fixtures.prefixBody;
import static dev.peering.registration.Fixtures.putPrefix;
import static dev.peering.registration.Fixtures.putRegisteredPrefix;
import static dev.peering.registration.Fixtures.registeredPrefixBody;
import static dev.peering.registration.Fixtures.validationDelayPasses;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The origin-ASN check of prefix validation (ADR 0020): the prefix's origin, in the routes the route server
 * receives from the peering's sessions, must be a registered ASN of the peering. The routes come from
 * {@link ReceivedRoutesStandIn} (connection-service's answer, steered by the test); the peering, its
 * registered ASN, the prefixes and their validation are the real service on the real broker and database.
 * The stand-in is a test resource of the whole module: every other test reads its 409 (the simulated BGP),
 * the not-checked path.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
@QuarkusTestResource(ReceivedRoutesStandIn.class)
class OriginAsnIT {

    private static final Duration DECIDED = Duration.ofSeconds(20);

    @Test
    void aRegisteredPrefixIsVerifiedOnlyWhenARegisteredAsnOriginatesIt() {
        String provider = RegisteredPrefixIT.providerWithActivePeering(); // registers AS3356 as 'probe'
        String peering = peeringId(provider, "ix");
        ReceivedRoutesStandIn.router(peering);
        ReceivedRoutesStandIn.announce(peering, "20.140.0.0/16", "30000 3356");
        ReceivedRoutesStandIn.announce(peering, "20.141.0.0/16", "30000 174");
        putRegisteredPrefix(provider, "ix", "good", registeredPrefixBody("20.140.0.0/16"))
                .statusCode(201);
        putRegisteredPrefix(provider, "ix", "foreign", registeredPrefixBody("20.141.0.0/16"))
                .statusCode(201);
        putRegisteredPrefix(provider, "ix", "silent", registeredPrefixBody("20.142.0.0/16"))
                .statusCode(201);
        validationDelayPasses();

        await().atMost(DECIDED).untilAsserted(() -> getRegisteredPrefix(provider, "ix", "good")
                .body("properties.prefixValidationState", equalTo("Verified"))
                .body("properties.errorMessage", nullValue()));
        await().atMost(DECIDED).untilAsserted(() -> getRegisteredPrefix(provider, "ix", "foreign")
                .body("properties.prefixValidationState", equalTo("Failed"))
                .body("properties.errorMessage", containsString("origin AS174, which is not a registered ASN"))
                .body("properties.peeringServicePrefixKey", nullValue()));
        await().atMost(DECIDED).untilAsserted(() -> getRegisteredPrefix(provider, "ix", "silent")
                .body("properties.prefixValidationState", equalTo("Warning"))
                .body("properties.errorMessage", containsString("receives no route for the prefix")));
        String requests = ReceivedRoutesStandIn.requests();
        assertTrue(
                requests.contains("Bearer " + ReceivedRoutesStandIn.TOKEN + " " + peering
                        + "/receivedRoutes prefix=20.141.0.0/16"),
                requests);
    }

    @Test
    void aCustomersPrefixIsVerifiedViaTheSessionOnlyWhenARegisteredAsnOriginatesIt() {
        String provider = newSubscription();
        String key = PeeringServicePrefixIT.issueKey(provider, 13335);
        String peering = peeringId(provider, "ix");
        ReceivedRoutesStandIn.router(peering);
        ReceivedRoutesStandIn.announce(peering, "20.143.1.0/24", "30000 13335");
        ReceivedRoutesStandIn.announce(peering, "20.143.2.0/24", "30000 13335 174");
        String customer = newSubscription();
        createPeeringService(customer, "ps");
        putPrefix(customer, "ps", "seen", prefixBody("20.143.1.0/24", key)).statusCode(201);
        putPrefix(customer, "ps", "hijacked", prefixBody("20.143.2.0/24", key)).statusCode(201);
        putPrefix(customer, "ps", "silent", prefixBody("20.143.3.0/24", key)).statusCode(201);
        validationDelayPasses();

        await().atMost(DECIDED).untilAsserted(() -> getPrefix(customer, "ps", "seen")
                .body("properties.prefixValidationState", equalTo("Verified"))
                .body("properties.learnedType", equalTo("ViaSession"))
                .body("properties.errorMessage", nullValue()));
        await().atMost(DECIDED).untilAsserted(() -> getPrefix(customer, "ps", "hijacked")
                .body("properties.prefixValidationState", equalTo("Failed"))
                .body("properties.learnedType", equalTo("None"))
                .body("properties.errorMessage", containsString("origin AS174")));
        await().atMost(DECIDED).untilAsserted(() -> getPrefix(customer, "ps", "silent")
                .body("properties.prefixValidationState", equalTo("Warning"))
                .body("properties.learnedType", equalTo("ViaServiceProvider")));
    }

    @Test
    void aPrefixStaysPendingWhileTheRoutesCannotBeRead() {
        String provider = RegisteredPrefixIT.providerWithActivePeering();
        String peering = peeringId(provider, "ix");
        ReceivedRoutesStandIn.router(peering);
        ReceivedRoutesStandIn.announce(peering, "20.146.0.0/16", "30000 3356");
        ReceivedRoutesStandIn.down(true);
        try {
            putRegisteredPrefix(provider, "ix", "later", registeredPrefixBody("20.146.0.0/16"))
                    .statusCode(201);
            validationDelayPasses();
            await().atMost(DECIDED).until(() -> ReceivedRoutesStandIn.requests()
                    .contains(peering + "/receivedRoutes prefix=20.146.0.0/16"));
            getRegisteredPrefix(provider, "ix", "later")
                    .body("properties.prefixValidationState", equalTo("Pending"))
                    .body("properties.errorMessage", nullValue());
        } finally {
            ReceivedRoutesStandIn.down(false);
        }
        validationDelayPasses();
        await().atMost(DECIDED).untilAsserted(() -> getRegisteredPrefix(provider, "ix", "later")
                .body("properties.prefixValidationState", equalTo("Verified")));
    }
}
