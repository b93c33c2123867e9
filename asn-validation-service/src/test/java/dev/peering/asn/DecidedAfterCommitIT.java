package dev.peering.asn;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With no approval delay, a PeerAsn is decided right after the commit that created it: the poller
 * waits an hour here, so only the run after commit can decide it.
 */
@QuarkusTest
@TestProfile(DecidedAfterCommitIT.NoDelay.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class DecidedAfterCommitIT {

    public static class NoDelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "peering.asn.approval-delay", "PT0S",
                    "peering.asn.approval-poll-interval", "1h");
        }
    }

    @Test
    void aPeerAsnDueAtOnceIsDecidedWithoutWaitingForThePoller() {
        String sub = PeerAsnApiIT.newSubscription();
        PeerAsnApiIT.put(sub, "contoso", PeerAsnApiIT.body(3356, "Contoso")).statusCode(201);
        PeerAsnApiIT.put(sub, "private", PeerAsnApiIT.body(64512, "Private")).statusCode(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> PeerAsnApiIT.get(sub, "contoso")
                .statusCode(200)
                .body("properties.validationState", equalTo("Approved")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> PeerAsnApiIT.get(sub, "private")
                .statusCode(200)
                .body("properties.validationState", equalTo("Failed"))
                .body("properties.errorMessage", notNullValue()));
    }
}
