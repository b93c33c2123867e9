package dev.peering.asn;

import static dev.peering.testsupport.TenancyChecks.op;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TenancyChecks;
import dev.peering.testsupport.TestTokens;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Authentication, tenancy and the operator role on every operation of this service. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class SecurityIT {

    static final String BASE = "/subscriptions/{sub}/providers/Microsoft.Peering/peerAsns";
    static final String BODY = PeerAsnApiIT.body(3356, "Contoso");

    static final List<TenancyChecks.Operation> PEER_OPERATIONS = List.of(
            op("PUT", BASE + "/contoso", BODY),
            op("GET", BASE + "/contoso"),
            op("GET", BASE),
            op("DELETE", BASE + "/contoso"));
    static final List<TenancyChecks.Operation> OPERATOR_OPERATIONS =
            List.of(op("POST", BASE + "/contoso/approve"), op("POST", BASE + "/contoso/reject", "{\"reason\":\"no\"}"));

    @Test
    void everyOperationNeedsAValidToken() {
        String sub = "sub-" + UUID.randomUUID();
        TenancyChecks.refuseWithoutValidToken(PEER_OPERATIONS, sub);
        TenancyChecks.refuseWithoutValidToken(OPERATOR_OPERATIONS, sub);
        given().header("Authorization", TestTokens.peer(sub))
                .queryParam("api-version", "2022-10-01")
                .get(BASE.replace("{sub}", sub))
                .then()
                .statusCode(200)
                .body("value", hasSize(0));
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        TenancyChecks.refuseOnceExpired(PEER_OPERATIONS.get(2), "sub-" + UUID.randomUUID());
    }

    @Test
    void anotherTenantsSubscriptionLooksLikeOneThatDoesNotExist() {
        String mine = "sub-" + UUID.randomUUID();
        String theirs = "sub-" + UUID.randomUUID();
        // the other tenant has a PeerAsn; the peer must learn nothing of it, and change nothing
        given().header("Authorization", TestTokens.peer(theirs))
                .queryParam("api-version", "2022-10-01")
                .contentType(ContentType.JSON)
                .body(BODY)
                .put(BASE.replace("{sub}", theirs) + "/contoso")
                .then()
                .statusCode(201);
        TenancyChecks.hideOtherTenants(PEER_OPERATIONS, mine, theirs);
        // operator actions answer a peer 403 whatever the subscription, which tells nothing about it
        TenancyChecks.operatorOnly(OPERATOR_OPERATIONS, theirs);
        given().header("Authorization", TestTokens.peer(theirs))
                .queryParam("api-version", "2022-10-01")
                .get(BASE.replace("{sub}", theirs) + "/contoso")
                .then()
                .statusCode(200)
                .body("properties.peerName", equalTo("Contoso"))
                .body("properties.validationState", equalTo("Pending"));
    }

    @Test
    void onlyTheOperatorApprovesOrRejects() {
        String sub = "sub-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.peer(sub))
                .queryParam("api-version", "2022-10-01")
                .contentType(ContentType.JSON)
                .body(BODY)
                .put(BASE.replace("{sub}", sub) + "/contoso")
                .then()
                .statusCode(201);
        TenancyChecks.operatorOnly(OPERATOR_OPERATIONS, sub);
        given().header("Authorization", TestTokens.peer(sub))
                .queryParam("api-version", "2022-10-01")
                .get(BASE.replace("{sub}", sub) + "/contoso")
                .then()
                .body("properties.validationState", equalTo("Pending"));
        given().header("Authorization", TestTokens.operator())
                .queryParam("api-version", "2022-10-01")
                .post(BASE.replace("{sub}", sub) + "/contoso/approve")
                .then()
                .statusCode(200)
                .body("properties.validationState", equalTo("Approved"));
    }
}
