package dev.peering.connection;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.peering.testsupport.AdjustableTimeSource;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The second life: the restarted service finds the connection where the first left it and takes the
 * remaining steps, each once: the topic holds every transition exactly once, none skipped.
 */
@QuarkusTest
@QuarkusTestResource(TokensTestResource.class)
@TestProfile(RestartMidProvisioning2IT.AfterRestart.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = SharedDatabaseResource.class, restrictToAnnotatedClass = true)
class RestartMidProvisioning2IT {

    public static class AfterRestart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "peering.connection.step-delay", "PT1H",
                    "peering.connection.session-step-delay", "PT1H",
                    "peering.connection.auto-approve", "true",
                    // only to make this profile differ from the first life's, which forces the restart
                    "quarkus.application.version", "after-restart");
        }
    }

    @Test
    void resumesWhereItStoppedWithoutSkippingOrRepeatingAStep() {
        String sub = System.getProperty(RestartMidProvisioning1IT.SUBSCRIPTION_PROPERTY);
        assertNotNull(
                sub, "RestartMidProvisioning1IT must run first in the same JVM (mvn test runs both, in name order)");
        AdjustableTimeSource.advance(Duration.parse(System.getProperty(RestartMidProvisioning1IT.CLOCK_PROPERTY)));
        Fixtures f = new Fixtures(sub, System.getProperty(RestartMidProvisioning1IT.PEERING_PROPERTY));
        assertEquals("ProvisioningStarted", f.get("c1").getString("connectionState"), "the state the first life left");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> "ProvisioningStarted"
                .equals(f.get("c1").getString("connectionState")));
        AdjustableTimeSource.advance(Duration.ofHours(1));
        f.awaitState("c1", "ProvisioningCompleted");
        AdjustableTimeSource.advance(Duration.ofHours(1));
        f.awaitState("c1", "Validating");
        AdjustableTimeSource.advance(Duration.ofHours(1));
        f.awaitState("c1", "Active");
        List<String> brokers = List.of(
                System.getProperty(RestartMidProvisioning1IT.BROKER_PROPERTY), KafkaTestResource.bootstrapServers());
        assertEquals(
                List.of(
                        "null>PendingApproval",
                        "PendingApproval>Approved",
                        "Approved>ProvisioningStarted",
                        "ProvisioningStarted>ProvisioningCompleted",
                        "ProvisioningCompleted>Validating",
                        "Validating>Active"),
                Fixtures.stateChangesOnTopic(brokers, f.connectionId("c1"), 6));
    }
}
