package dev.peering.asn;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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
 * ADR 0021's tolerant reader, for this service's one consumer (peering events): a provisioningState it does
 * not know, a data property and an extension from a later contract are applied, not dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class TolerantReaderIT {

    @Test
    void aPeeringEventWithAnUnknownProvisioningStateIsApplied() {
        String sub = PeerAsnApiIT.newSubscription();
        String path = PeerAsnApiIT.path(sub) + "/used";
        PeerAsnApiIT.put(sub, "used", PeerAsnApiIT.body(3356, "Contoso")).statusCode(201);
        String peeringId = "/subscriptions/" + sub + "/resourceGroups/rg/providers/Microsoft.Peering/peerings/p";
        TolerantReader.assertApplied(
                PeeringUsageIT.PEERINGS,
                peeringId,
                TolerantReader.grown(
                        PeeringUsageIT.peeringEvent(PeeringEvent.CREATED, peeringId, path, sub),
                        Map.of("provisioningState", "MigratingToAnotherRouteServerCluster")),
                "asn-validation-service.peering-events",
                "asn-validation-service.peering-events.dlq");
        // applied: the peering uses the PeerAsn
        given().queryParam("api-version", PeerAsnApiIT.API)
                .delete(path)
                .then()
                .statusCode(409)
                .body("error.code", equalTo("PeerAsnInUse"));
    }
}
