package dev.peering.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    /**
     * The OpenAPI document names each of {@code paths}, declares what Swagger UI's "Try it out" must send
     * ({@link #tryItOutSendsWhatTheApiDemands}), and Swagger UI is served.
     */
    public static void openApiDocuments(String... paths) {
        var document =
                given().accept("application/json").get("/q/openapi").then().statusCode(200);
        for (String path : paths) {
            document.body(containsString(path));
        }
        tryItOutSendsWhatTheApiDemands(document.extract().asString());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /**
     * {@code Operations_List}: the provider's operations in the ARM shape for any token, a 401 without one,
     * and the api-version demanded as on every other operation.
     */
    public static void operationsListed() {
        String path = "/providers/Microsoft.Peering/operations";
        given().queryParam("api-version", "2022-10-01")
                .header("Authorization", TestTokens.peer("sub-operations"))
                .get(path)
                .then()
                .statusCode(200)
                .body(
                        "value.name",
                        hasItems(
                                "Microsoft.Peering/peerAsns/write",
                                "Microsoft.Peering/peerings/read",
                                "Microsoft.Peering/peerings/registeredAsns/delete",
                                "Microsoft.Peering/peeringServices/prefixes/write"))
                .body(
                        "value.find { it.name == 'Microsoft.Peering/peerings/read' }.display.provider",
                        equalTo("Microsoft.Peering"))
                .body(
                        "value.find { it.name == 'Microsoft.Peering/peerings/read' }.display.operation",
                        equalTo("Read Peering"))
                .body("value.isDataAction", everyItem(equalTo(false)));
        given().queryParam("api-version", "2022-10-01")
                .header("Authorization", "Bearer not-a-token")
                .get(path)
                .then()
                .statusCode(401)
                .body("error.code", equalTo("AuthenticationFailed"));
        given().get(path).then().statusCode(400).body("error.code", equalTo("MissingApiVersionParameter"));
    }

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /**
     * Every operation declares the required {@code api-version} query parameter with 2022-10-01 as its
     * default, and the document requires one HTTP bearer (JWT) scheme globally; returns how many operations
     * it checked, so a caller can tell an empty document from a good one.
     */
    public static int tryItOutSendsWhatTheApiDemands(String json) {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : iterable(document.path("paths"))) {
            for (var operation : iterable(path.getValue())) {
                if (!OPERATIONS.contains(operation.getKey())) {
                    continue;
                }
                operations++;
                boolean declared = false;
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    declared |= "api-version".equals(parameter.path("name").asText())
                            && "query".equals(parameter.path("in").asText())
                            && parameter.path("required").asBoolean()
                            && "2022-10-01"
                                    .equals(parameter
                                            .path("schema")
                                            .path("default")
                                            .asText());
                }
                if (!declared) {
                    missing.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertTrue(operations > 0, "the document has no operation");
        assertEquals(List.of(), missing, "operations without the required api-version parameter");
        JsonNode scheme = document.path("components").path("securitySchemes").path("bearer");
        assertEquals("http", scheme.path("type").asText(), "the bearer scheme: " + scheme);
        assertEquals("bearer", scheme.path("scheme").asText(), "the bearer scheme: " + scheme);
        assertEquals("JWT", scheme.path("bearerFormat").asText(), "the bearer scheme: " + scheme);
        assertTrue(
                document.path("security").toString().contains("\"bearer\""),
                "the bearer scheme is required globally: " + document.path("security"));
        return operations;
    }

    private static Iterable<java.util.Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
