package dev.peering.connection;

import static dev.peering.testsupport.TenancyChecks.op;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TenancyChecks;
import dev.peering.testsupport.TestTokens;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Authentication, tenancy and the operator role on every operation of connection-service. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class SecurityIT {

    static List<TenancyChecks.Operation> peerOperations(Fixtures f) {
        String connections = f.connectionsPath().replace(f.sub, "{sub}");
        String body =
                """
                {"peeringDBFacilityId":%d,"bandwidthInMbps":10000,"sessionAddressProvider":"Peer",
                 "bgpSession":{"sessionPrefixV4":"206.81.80.0/22","microsoftSessionIPv4Address":"206.81.80.30",
                  "peerSessionIPv4Address":"%s","maxPrefixesAdvertisedV4":1000}}"""
                        .formatted(Fixtures.FACILITY, Fixtures.nextPeerV4());
        return List.of(
                op("GET", connections),
                op("GET", connections + "/c1"),
                op("PUT", connections + "/c2", body),
                op("PATCH", connections + "/c1", "{\"bgpSession\":{\"sessionPrefixV6\":\"2001:504:16::/64\"}}"),
                op("DELETE", connections + "/c1?confirm=yes"),
                op("POST", connections + "/c1/removeSession?family=IPv4"));
    }

    static List<TenancyChecks.Operation> operatorOperations(Fixtures f) {
        String c1 = f.connectionsPath().replace(f.sub, "{sub}") + "/c1";
        return List.of(
                op("POST", c1 + "/approve"),
                op("POST", c1 + "/fail", "{\"reason\":\"cross-connect not delivered\"}"),
                op("POST", c1 + "/retry"),
                op("POST", c1 + "/block"),
                op("POST", c1 + "/unblock"),
                op("POST", c1 + "/activate"),
                op("POST", c1 + "/requestTypeChange"));
    }

    @Test
    void everyOperationNeedsAValidToken() {
        Fixtures f = new Fixtures();
        TenancyChecks.refuseWithoutValidToken(peerOperations(f), f.sub);
        TenancyChecks.refuseWithoutValidToken(operatorOperations(f), f.sub);
    }

    @Test
    void anotherTenantsConnectionsCannotBeSeenOrTouched() {
        Fixtures theirs = new Fixtures().created();
        theirs.request(Fixtures.connection("c1", Fixtures.nextPeerV4(), null));
        theirs.awaitConnection("c1");
        String mine = "sub-mine-" + java.util.UUID.randomUUID();

        TenancyChecks.hideOtherTenants(peerOperations(theirs), mine, theirs.sub);
        TenancyChecks.operatorOnly(operatorOperations(theirs), theirs.sub);
        given().header("Authorization", TestTokens.peer(theirs.sub))
                .queryParam("api-version", "2022-10-01")
                .get(theirs.path("c1"))
                .then()
                .statusCode(200)
                .body("connectionState", equalTo("PendingApproval"));
    }
}
