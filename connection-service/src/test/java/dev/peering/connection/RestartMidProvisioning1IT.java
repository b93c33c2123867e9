package dev.peering.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * The first life of the service in the restart test: a connection provisions up to
 * ProvisioningStarted, then the application stops. {@link RestartMidProvisioning2IT} starts it again
 * on the same database (its own profile forces the restart; JUnit runs the classes in name order).
 */
@QuarkusTest
@QuarkusTestResource(TokensTestResource.class)
@TestProfile(RestartMidProvisioning1IT.BeforeRestart.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = SharedDatabaseResource.class, restrictToAnnotatedClass = true)
class RestartMidProvisioning1IT {

    public static class BeforeRestart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "peering.connection.step-delay", "PT1H",
                    "peering.connection.session-step-delay", "PT1H",
                    "peering.connection.auto-approve", "true");
        }
    }

    // Each application start loads the test classes anew, so the first life tells the second which
    // peering it left through JVM-wide system properties.
    static final String SUBSCRIPTION_PROPERTY = "connection-service.restart-test.subscription";
    static final String PEERING_PROPERTY = "connection-service.restart-test.peering";
    // The test clock's offset lives in the loaded class too: the second life moves its clock to where
    // the first life's stood, as a real clock would be after a restart.
    static final String BROKER_PROPERTY = "connection-service.restart-test.broker";
    static final String CLOCK_PROPERTY = "connection-service.restart-test.clock-offset";

    @Test
    void provisionsHalfWay() {
        Fixtures f = new Fixtures().created();
        f.request(Fixtures.v4Connection("c1"));
        f.awaitConnection("c1");
        AdjustableTimeSource.advance(Duration.ofHours(1));
        f.awaitState("c1", "Approved");
        AdjustableTimeSource.advance(Duration.ofHours(1));
        assertEquals(
                "ProvisioningStarted", f.awaitState("c1", "ProvisioningStarted").getString("connectionState"));
        assertEquals(
                List.of("null>PendingApproval", "PendingApproval>Approved", "Approved>ProvisioningStarted"),
                Fixtures.stateChangesOnTopic(List.of(KafkaTestResource.bootstrapServers()), f.connectionId("c1"), 3));
        // The test resource may give the second life a broker of its own: it reads this one too.
        System.setProperty(BROKER_PROPERTY, KafkaTestResource.bootstrapServers());
        System.setProperty(CLOCK_PROPERTY, Duration.ofHours(2).toString());
        System.setProperty(SUBSCRIPTION_PROPERTY, f.sub);
        System.setProperty(PEERING_PROPERTY, f.name);
    }
}
