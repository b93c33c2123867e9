package dev.peering.registration;

import static dev.peering.registration.Fixtures.CONNECTIONS;
import static dev.peering.registration.Fixtures.PEERINGS;
import static dev.peering.registration.Fixtures.asnBody;
import static dev.peering.registration.Fixtures.connectionEventJson;
import static dev.peering.registration.Fixtures.newSubscription;
import static dev.peering.registration.Fixtures.peeringEventJson;
import static dev.peering.registration.Fixtures.peeringId;
import static dev.peering.registration.Fixtures.putRegisteredAsn;
import static org.hamcrest.Matchers.equalTo;

import dev.peering.events.ConnectionEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TolerantReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ADR 0021's tolerant reader, for both consumers of this service: an enum value it does not know in a field it
 * reads, with a data property and an extension from a later contract, is applied, not dead-lettered. A
 * connectionState it does not know is not Active: no registration on it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class TolerantReaderIT {

    @Test
    void unknownProvisioningAndConnectionStatesAreAppliedAndAnUnknownStateIsNotActive() {
        String sub = newSubscription();
        String peering = peeringId(sub, "ix");
        TolerantReader.assertApplied(
                PEERINGS,
                peering,
                TolerantReader.grown(
                        peeringEventJson(PeeringEvent.CREATED, sub, "ix"),
                        Map.of("provisioningState", "MigratingToAnotherRouteServerCluster")),
                "registration-service.peering-events",
                "registration-service.peering-events.dlq");
        TolerantReader.assertApplied(
                CONNECTIONS,
                peering,
                TolerantReader.grown(
                        connectionEventJson(ConnectionEvent.STATE_CHANGED, sub, "ix", "conn1", "Active"),
                        Map.of(
                                "connectionState",
                                "ReprovisioningAfterPlannedMaintenance",
                                "previousConnectionState",
                                "Active")),
                "registration-service.connection-events",
                "registration-service.connection-events.dlq");
        putRegisteredAsn(sub, "ix", "contoso", asnBody(3356))
                .statusCode(409)
                .body("error.code", equalTo("NoActiveConnection"));

        TolerantReader.assertApplied(
                CONNECTIONS,
                peering,
                connectionEventJson(ConnectionEvent.STATE_CHANGED, sub, "ix", "conn1", "Active"),
                "registration-service.connection-events",
                "registration-service.connection-events.dlq");
        putRegisteredAsn(sub, "ix", "contoso", asnBody(3356)).statusCode(201);
    }
}
