package dev.peering.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway in front of four stand-in services (StubServices): routing, headers, and its own answers. */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class GatewayIT {

    static final String API = "api-version=2022-10-01";
    static final String SUB = "/subscriptions/sub-1/providers/Microsoft.Peering";
    static final String RG = "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Peering";
    static final String TOKEN = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0In0.c2lnbmF0dXJl";
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @ConfigProperty(name = "stub.control")
    String control;

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "PUT, " + SUB + "/peerAsns/contoso, asn-validation-service",
        "POST, " + SUB + "/peerAsns/contoso/approve, asn-validation-service",
        "GET, " + SUB + "/peerings, peering-service",
        "GET, " + SUB + "/peeringLocations?kind=Direct&directPeeringType=IxRs, peering-service",
        "PUT, " + RG + "/peerings/ix1, peering-service",
        "PATCH, " + RG + "/peerings/ix1, peering-service",
        "GET, " + RG + "/peerings/ix1/connections, connection-service",
        "DELETE, " + RG + "/peerings/ix1/connections/c1?confirm=yes, connection-service",
        "POST, " + RG + "/peerings/ix1/connections/c1/block, connection-service",
        "PUT, " + RG + "/peerings/ix1/registeredAsns/fabrikam, registration-service",
        "PUT, " + RG + "/peeringServices/ps1/prefixes/web, registration-service",
    })
    void eachResourceTypeReachesTheServiceThatServesItUnchanged(String method, String pathAndQuery, String service) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String query = pathAndQuery.contains("?") ? pathAndQuery.substring(pathAndQuery.indexOf('?') + 1) + "&" : "";
        String body = method.equals("PUT") || method.equals("PATCH") ? "{\"properties\":{\"peerAsn\":30000}}" : "";
        var request = given().header("Authorization", TOKEN);
        if (!body.isEmpty()) {
            request.contentType("application/json").body(body);
        }
        Response response = request.request(method, path + "?" + query + API);

        response.then()
                .statusCode(200)
                .body("service", equalTo(service))
                .body("method", equalTo(method))
                .body("uri", equalTo(path + "?" + query + API))
                .body("body", equalTo(body));
    }

    @Test
    void theTokenPassesUntouchedAndTheArmRequestIdsAreAddedBothWays() {
        Response withCorrelation = given().header("Authorization", TOKEN)
                .header("x-ms-correlation-request-id", "story-42")
                .header("x-ms-client-request-id", "client-7")
                .get(SUB + "/peerAsns/contoso?" + API);
        withCorrelation
                .then()
                .statusCode(200)
                .header("x-ms-request-id", matchesPattern(UUID))
                .header("x-ms-correlation-request-id", equalTo("story-42"))
                .body("headers.authorization", equalTo(TOKEN))
                .body("headers.'x-ms-correlation-request-id'", equalTo("story-42"))
                .body("headers.'x-ms-client-request-id'", equalTo("client-7"))
                .body("headers.'x-ms-request-id'", equalTo(withCorrelation.header("x-ms-request-id")));
        // Host is the gateway's, so the links a service writes (nextLink) lead back to the gateway
        assertTrue(
                withCorrelation.jsonPath().getString("headers.host").startsWith("localhost:"),
                withCorrelation.asString());

        Response without = given().header("Authorization", TOKEN).get(SUB + "/peerings?" + API);
        String made = without.header("x-ms-correlation-request-id");
        assertNotNull(made);
        without.then()
                .body("headers.'x-ms-correlation-request-id'", equalTo(made))
                .header("x-ms-request-id", equalTo(without.jsonPath().getString("headers.'x-ms-request-id'")));
        String second = given().get(SUB + "/peerings?" + API).header("x-ms-request-id");
        assertFalse(second.equals(without.header("x-ms-request-id")), "one request id per request");
    }

    @Test
    void theServicesStatusAndBodyComeBackAsTheyAre() {
        given().header("x-stub-status", "409")
                .get(RG + "/peerings/ix1/registeredAsns/fabrikam?" + API)
                .then()
                .statusCode(409)
                .contentType("application/json")
                .body("service", equalTo("registration-service"));
    }

    @Test
    void aPathNoServiceServesIsAn404ArmError() {
        for (String path : List.of(
                SUB + "/cdnPeeringPrefixes?" + API,
                "/subscriptions/sub-1/providers/Microsoft.Network/peerAsns/contoso?" + API,
                "/nothing/here")) {
            given().get(path)
                    .then()
                    .statusCode(404)
                    .header("x-ms-request-id", matchesPattern(UUID))
                    .body("error.code", equalTo("NotFound"))
                    .body("error.message", containsString("peerAsns"));
        }
    }

    /**
     * Requests no client library would send, written on a socket: never a 5xx. (Vert.x's HTTP layer refuses
     * a malformed %-escape, a bad Content-Length or a line too long itself, with a 4xx and no body.)
     */
    @Test
    void malformedRequestsAreRefusedWith4xxNeverA5xx() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String request : List.of(
                "GET /subscriptions/%zz/providers/Microsoft.Peering/peerAsns?" + API,
                "GET " + SUB + "/peerAsns?api-version=%zz",
                "GET " + SUB + "/peerAsns/%2e%2e/%2e%2e/%2e%2e/%2e%2e/nothing?" + API,
                "GET /subscriptions/sub-1/../../etc/passwd",
                "GET //subscriptions?" + API,
                "GET *",
                "PUT " + SUB + "/peerAsns/a?" + API + "\r\nContent-Length: abc",
                "GET /" + "a".repeat(20_000))) {
            String answer = raw(request);
            int status = Integer.parseInt(answer.split(" ", 3)[1]);
            if (status < 400 || status >= 500) {
                wrong.add(request.substring(0, Math.min(80, request.length())) + " -> " + answer);
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The answer (status line to the end) to a request written as is on a socket. */
    private static String raw(String requestLineAndHeaders) throws Exception {
        try (Socket socket = new Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String[] parts = requestLineAndHeaders.split("\r\n", 2);
            String head = parts[0] + " HTTP/1.1\r\nHost: localhost\r\n" + (parts.length > 1 ? parts[1] + "\r\n" : "")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aServiceThatIsDownIsA503WithRetryAfterAndTheOthersStillAnswer() {
        given().post(control + "/down/registration-service").then().statusCode(200);
        try {
            given().header("x-ms-correlation-request-id", "down-1")
                    .contentType("application/json")
                    .body("{}")
                    .put(RG + "/peerings/ix1/registeredAsns/fabrikam?" + API)
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .header("x-ms-correlation-request-id", "down-1")
                    .body("error.code", equalTo("ServiceUnavailable"))
                    .body("error.message", containsString("registration-service cannot be reached"));
            given().get(RG + "/peerings/ix1/connections?" + API)
                    .then()
                    .statusCode(200)
                    .body("service", equalTo("connection-service"));
        } finally {
            given().post(control + "/up/registration-service").then().statusCode(200);
        }
        given().get(RG + "/peerings/ix1/registeredAsns?" + API)
                .then()
                .statusCode(200)
                .body("service", equalTo("registration-service"));
    }

    @Test
    void requestsTakeTurnsAmongAServicesInstancesAndSkipOneThatIsDown() {
        List<Integer> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(given().get(SUB + "/peerings?" + API)
                    .then()
                    .statusCode(200)
                    .body("service", equalTo("peering-service"))
                    .extract()
                    .path("instance"));
        }
        assertEquals(2, new HashSet<>(instances).size(), "both instances answered: " + instances);
        given().post(control + "/down/peering-service").then().statusCode(200);
        try {
            for (int i = 0; i < 4; i++) {
                given().contentType("application/json")
                        .body("{}")
                        .put(RG + "/peerings/ix" + i + "?" + API)
                        .then()
                        .statusCode(200)
                        .body("instance", equalTo(2))
                        .body("method", equalTo("PUT"));
            }
        } finally {
            given().post(control + "/up/peering-service").then().statusCode(200);
        }
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsA503SayingTheChangeMayHaveBeenApplied() {
        given().contentType("application/json")
                .body("{}")
                .put(SUB + "/peerAsns/hang?" + API)
                .then()
                .statusCode(503)
                .header("Retry-After", "5")
                .body("error.code", equalTo("ServiceUnavailable"))
                .body("error.message", containsString("did not answer within 2 s"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithTheArmBody() {
        given().contentType("application/json")
                .body("{\"tags\":\"" + "x".repeat(300 * 1024) + "\"}")
                .put(SUB + "/peerAsns/contoso?" + API)
                .then()
                .statusCode(413)
                .body("error.code", equalTo("RequestEntityTooLarge"));
    }

    @Test
    void theMergedDocumentDeclaresApiVersionOnEveryOperationAndTheBearerScheme() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(given().get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());

        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(4, paths.size(), "one path of each service: " + paths);
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (String path : paths) {
            for (var operation : (Iterable<java.util.Map.Entry<String, JsonNode>>)
                    () -> document.path("paths").path(path).fields()) {
                operations++;
                boolean declared = false;
                for (JsonNode p : operation.getValue().path("parameters")) {
                    declared |= p.path("name").asText().equals("api-version")
                            && p.path("in").asText().equals("query")
                            && p.path("required").asBoolean()
                            && p.path("schema").path("default").asText().equals("2022-10-01");
                }
                if (!declared || operation.getValue().has("security")) {
                    missing.add(operation.getKey() + " " + path);
                }
            }
        }
        assertEquals(8, operations);
        assertEquals(List.of(), missing, "operations without api-version, or with a requirement of their own");
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertEquals(List.of("bearer"), iterate(schemes.fieldNames()));
        assertEquals("http", schemes.path("bearer").path("type").asText());
        assertEquals("bearer", schemes.path("bearer").path("scheme").asText());
        assertEquals("JWT", schemes.path("bearer").path("bearerFormat").asText());
        assertEquals("[{\"bearer\":[]}]", document.path("security").toString());
        assertFalse(document.has("servers"), "Try it out calls the gateway");
        assertEquals(
                "#/components/schemas/Body_peering-service",
                document.at("/paths/~1subscriptions~1{s}~1providers~1Microsoft.Peering~1peeringLocations/get"
                                + "/responses/200/content/application~1json/schema/$ref")
                        .asText());
    }

    @Test
    void theDocumentKeepsAServiceThatIsDownWithWhatItServedLast() throws Exception {
        given().get("/q/openapi").then().statusCode(200);
        given().post(control + "/down/connection-service").then().statusCode(200);
        try {
            given().get("/q/openapi").then().statusCode(200).body(containsString("/peerings/{p}/connections"));
        } finally {
            given().post(control + "/up/connection-service").then().statusCode(200);
        }
    }

    @Test
    void swaggerUiShowsTheMergedDocumentAndTheRootLeadsThere() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("/q/openapi"));
        given().redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(302)
                .header("Location", containsString("/q/swagger-ui/"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
