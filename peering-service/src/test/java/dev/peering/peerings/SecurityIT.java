package dev.peering.peerings;

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
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Authentication, tenancy and the operator role on every operation of peering-service. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class SecurityIT {

    static final String PEERING = "/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Peering/peerings/ix";
    static final String BODY = Fixtures.body("/subscriptions/{sub}/providers/Microsoft.Peering/peerAsns/contoso");

    static final List<TenancyChecks.Operation> PEER_OPERATIONS = List.of(
            op("PUT", PEERING, BODY),
            op("GET", PEERING),
            op("PATCH", PEERING, "{\"tags\":{\"a\":\"b\"}}"),
            op("DELETE", PEERING),
            op("GET", "/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Peering/peerings"),
            op("GET", "/subscriptions/{sub}/providers/Microsoft.Peering/peerings"),
            op(
                    "GET",
                    "/subscriptions/{sub}/providers/Microsoft.Peering/peeringLocations?kind=Direct&directPeeringType=IxRs"),
            op("GET", "/subscriptions/{sub}/providers/Microsoft.Peering/peeringServiceAgreement"));
    static final List<TenancyChecks.Operation> OPERATOR_OPERATIONS = List.of(
            op("POST", PEERING + "/deprovision"),
            op("PUT", "/subscriptions/{sub}/providers/Microsoft.Peering/peeringServiceAgreement"),
            op("DELETE", "/subscriptions/{sub}/providers/Microsoft.Peering/peeringServiceAgreement"));

    @Test
    void everyOperationNeedsAValidToken() {
        String sub = Fixtures.newSubscription();
        TenancyChecks.refuseWithoutValidToken(PEER_OPERATIONS, sub);
        TenancyChecks.refuseWithoutValidToken(OPERATOR_OPERATIONS, sub);
    }

    @Test
    void anotherTenantsPeeringsCannotBeSeenOrTouched() {
        String mine = Fixtures.newSubscription();
        String theirs = Fixtures.newSubscription();
        Fixtures.pendingPeerAsn(theirs, "contoso", 3356);
        Fixtures.approve(theirs, "contoso", 3356);
        Fixtures.awaitKnown(theirs, "contoso");
        given().header("Authorization", TestTokens.peer(theirs))
                .queryParam("api-version", "2022-10-01")
                .contentType(ContentType.JSON)
                .body(BODY.replace("{sub}", theirs))
                .put(PEERING.replace("{sub}", theirs))
                .then()
                .statusCode(201);
        List<TenancyChecks.Operation> withTheirAsn = PEER_OPERATIONS.stream()
                .map(o ->
                        o.body() == null ? o : op(o.method(), o.path(), o.body().replace("{sub}", theirs)))
                .toList();
        TenancyChecks.hideOtherTenants(withTheirAsn, mine, theirs);
        TenancyChecks.operatorOnly(OPERATOR_OPERATIONS, theirs);
        given().header("Authorization", TestTokens.peer(theirs))
                .queryParam("api-version", "2022-10-01")
                .get(PEERING.replace("{sub}", theirs))
                .then()
                .statusCode(200)
                .body("properties.provisioningState", equalTo("Succeeded"))
                .body("tags.a", equalTo(null));
    }

    @Test
    void onlyTheOperatorDeprovisionsOrGrantsTheAgreement() {
        String sub = Fixtures.newSubscription();
        TenancyChecks.operatorOnly(OPERATOR_OPERATIONS, sub);
        given().header("Authorization", TestTokens.peer(sub))
                .queryParam("api-version", "2022-10-01")
                .get("/subscriptions/" + sub + "/providers/Microsoft.Peering/peeringServiceAgreement")
                .then()
                .statusCode(200)
                .body("agreed", equalTo(false));
    }
}
