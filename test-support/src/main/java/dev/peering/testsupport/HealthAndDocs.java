package dev.peering.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** What every service's health and API documents must show, checked the same way in each. */
public final class HealthAndDocs {

    private HealthAndDocs() {}

    /** Readiness is UP and covers the database, the Kafka broker and every messaging channel. */
    public static void readinessCoversTheDatabaseAndKafka() {
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

    /** The OpenAPI document names each of {@code paths}, and Swagger UI is served. */
    public static void openApiDocuments(String... paths) {
        var document =
                given().accept("application/json").get("/q/openapi").then().statusCode(200);
        for (String path : paths) {
            document.body(containsString(path));
        }
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
