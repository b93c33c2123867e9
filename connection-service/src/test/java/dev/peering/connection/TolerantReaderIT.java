package dev.peering.connection;

import static dev.peering.connection.Fixtures.api;

import dev.peering.events.PeeringEvent;
import dev.peering.events.Topics;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TolerantReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ADR 0021's tolerant reader, for this service's one consumer (peering events): a provisioningState it does
 * not know, a data property and an extension from a later contract are applied, not dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(TokensTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class TolerantReaderIT {

    @Test
    void aPeeringEventWithAnUnknownProvisioningStateIsAppliedAndTheConsumerGoesOn() {
        Fixtures f = new Fixtures();
        String event = TolerantReader.grown(
                f.event(PeeringEvent.CREATED, List.of(), "Succeeded"),
                Map.of("provisioningState", "MigratingToAnotherRouteServerCluster"));
        TolerantReader.assertApplied(
                Topics.PEERING_EVENTS,
                f.peeringId,
                event,
                "connection-service.peering-events",
                "connection-service.peering-events.dlq");
        // the peering is known, and the next event of the same peering is applied as usual
        api().get(f.connectionsPath()).then().statusCode(200);
        f.request(Fixtures.v4Connection("c1"));
        f.awaitConnection("c1");
    }
}
