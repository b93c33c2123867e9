package dev.peering.peerings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class HealthAndDocsIT {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "checks.name",
                        hasItems(
                                "Database connections health check",
                                "Kafka connection health check",
                                "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void openApiDocumentsTheOperations() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers"
                        + "/Microsoft.Peering/peerings/{peeringName}"))
                .body(containsString("/peerings/{peeringName}/deprovision"))
                .body(containsString("/subscriptions/{subscriptionId}/providers/Microsoft.Peering/peeringLocations"))
                .body(containsString(
                        "/subscriptions/{subscriptionId}/providers/Microsoft.Peering/peeringServiceAgreement"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
