package dev.peering.registration;

import static dev.peering.registration.Fixtures.createPeeringService;
import static dev.peering.registration.Fixtures.getPrefix;
import static dev.peering.registration.Fixtures.newSubscription;
import static dev.peering.registration.Fixtures.prefixBody;
import static dev.peering.registration.Fixtures.putPrefix;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.peering.registration.service.PeeringServicePrefixes;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With no validation delay, a prefix is validated right after the commit that stored it: the poller
 * waits an hour here, so only the run after commit can decide it.
 */
@QuarkusTest
@TestProfile(ValidatedAfterCommitIT.NoDelay.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class ValidatedAfterCommitIT {

    public static class NoDelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "peering.registration.prefix-validation-delay", "PT0S",
                    "peering.registration.prefix-validation-poll-interval", "1h");
        }
    }

    @Test
    void aPrefixDueAtOnceIsDecidedWithoutWaitingForThePoller() {
        String key = PeeringServicePrefixIT.issueKey(newSubscription(), 3356);
        String customer = newSubscription();
        createPeeringService(customer, "ps");
        putPrefix(customer, "ps", "good", prefixBody("20.51.2.0/24", key)).statusCode(201);
        putPrefix(
                        customer,
                        "ps",
                        "wrong",
                        prefixBody("20.51.3.0/24", UUID.randomUUID().toString()))
                .statusCode(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> getPrefix(customer, "ps", "good")
                .statusCode(200)
                .body("properties.prefixValidationState", equalTo("Verified")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> getPrefix(customer, "ps", "wrong")
                .statusCode(200)
                .body("properties.prefixValidationState", equalTo("Failed"))
                .body("properties.errorMessage", equalTo(PeeringServicePrefixes.INVALID_KEY_MESSAGE)));
    }
}
