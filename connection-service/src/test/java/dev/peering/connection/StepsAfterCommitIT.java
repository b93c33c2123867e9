package dev.peering.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.CloudEvent;
import dev.peering.events.Topics;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * With no delays, each provisioning and BGP step runs right after the commit of the step before it:
 * the poller waits an hour here, so only the runs after commit can move the connection, and they
 * take each step once.
 */
@QuarkusTest
@QuarkusTestResource(TokensTestResource.class)
@TestProfile(StepsAfterCommitIT.NoDelays.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class StepsAfterCommitIT {

    private static final Logger LOG = Logger.getLogger(StepsAfterCommitIT.class);

    public static class NoDelays implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "peering.connection.step-delay", "PT0S",
                    "peering.connection.session-step-delay", "PT0S",
                    "peering.connection.auto-approve", "true",
                    "peering.connection.poll-interval", "1h");
        }
    }

    @Test
    void aConnectionRunsToActiveAndEstablishedWithoutThePoller() {
        Fixtures f = new Fixtures().created();
        f.request(Fixtures.v4Connection("c1"));
        JsonPath done = f.awaitField("c1", "bgpSession.sessionStateV4", "Established");
        assertEquals("Active", done.getString("connectionState"));

        String subject = f.connectionId("c1");
        assertEquals(
                List.of(
                        "null>PendingApproval",
                        "PendingApproval>Approved",
                        "Approved>ProvisioningStarted",
                        "ProvisioningStarted>ProvisioningCompleted",
                        "ProvisioningCompleted>Validating",
                        "Validating>Active"),
                Fixtures.stateChangesOnTopic(List.of(KafkaTestResource.bootstrapServers()), subject, 6));
        try (TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            // created, five connection steps, five session steps (Idle ... Established)
            List<CloudEvent> events = topic.awaitSubject(subject, 11).stream()
                    .map(TopicReader.Received::event)
                    .toList();
            Duration span = Duration.between(
                    events.get(0).time(), events.get(events.size() - 1).time());
            LOG.infof(
                    "ten steps after the connection was created took %d ms (ms after creation: %s)",
                    span.toMillis(),
                    events.stream()
                            .map(e -> Duration.between(events.get(0).time(), e.time())
                                    .toMillis())
                            .toList());
            // Through the poller these ten steps took ten ticks of at least a second each.
            assertTrue(span.compareTo(Duration.ofSeconds(5)) < 0, "ten steps took " + span);
        }
    }
}
