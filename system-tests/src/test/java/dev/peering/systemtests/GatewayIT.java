package dev.peering.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.testsupport.HealthAndDocs;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one front door on the shared stack, as a newcomer meets it (the seed's story itself runs through
 * it in SeedStoryIT): one Swagger UI whose document covers the four services and declares what "Try it
 * out" must send, and links that lead back to the gateway.
 */
class GatewayIT {

    static Stack stack;

    @BeforeAll
    static void start() {
        stack = Stack.get();
    }

    @Test
    void oneDocumentCoversTheFourServicesAndTryItOutSendsWhatTheyDemand() throws Exception {
        String json = given().baseUri(stack.url(Stack.GATEWAY))
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString(
                        "/subscriptions/{subscriptionId}/providers/Microsoft.Peering/peerAsns/{peerAsnName}"))
                .body(containsString("/peerings/{peeringName}/connections/{connectionIdentifier}"))
                .body(containsString("/peerings/{peeringName}/registeredAsns/{registeredAsnName}"))
                .body(containsString("/providers/Microsoft.Peering/peeringLocations"))
                .body(containsString("/peeringServices/{peeringServiceName}/prefixes/{prefixName}"))
                .extract()
                .asString();
        int operations = HealthAndDocs.tryItOutSendsWhatTheApiDemands(json);
        assertTrue(operations >= 30, "operations in the merged document: " + operations);
        given().baseUri(stack.url(Stack.GATEWAY)).get("/q/swagger-ui/").then().statusCode(200);

        // "Try it out" on the PeerAsn list: the path filled in, api-version at its declared default, the token
        JsonNode document = new ObjectMapper().readTree(json);
        JsonNode list = document.path("paths")
                .path("/subscriptions/{subscriptionId}/providers/Microsoft.Peering/peerAsns")
                .path("get");
        String apiVersion = null;
        for (JsonNode parameter : list.path("parameters")) {
            if (parameter.path("name").asText().equals("api-version")) {
                apiVersion = parameter.path("schema").path("default").asText();
            }
        }
        String sub = "sub-" + UUID.randomUUID();
        given().baseUri(stack.url(Stack.GATEWAY))
                .header("Authorization", stack.peerToken(sub))
                .queryParam("api-version", apiVersion)
                .get("/subscriptions/" + sub + "/providers/Microsoft.Peering/peerAsns")
                .then()
                .statusCode(200)
                .body("value.size()", equalTo(0));
    }

    @Test
    void aListsNextLinkLeadsBackThroughTheGateway() {
        String sub = "sub-" + UUID.randomUUID();
        Api peer = new Api(stack, stack.peerToken(sub)).throughTheGateway();
        for (String name : new String[] {"asn-a", "asn-b"}) {
            peer.put(Stack.ASN, Api.peerAsns(sub) + "/" + name, Api.peerAsnBody(name.equals("asn-a") ? 30001 : 30002))
                    .then()
                    .statusCode(201);
        }
        String next = peer.to(Stack.ASN)
                .queryParam("$top", "1")
                .get(Api.peerAsns(sub))
                .then()
                .statusCode(200)
                .header("x-ms-request-id", startsWithAnyHex())
                .body("value[0].name", equalTo("asn-a"))
                .body("nextLink", startsWith(stack.url(Stack.GATEWAY) + Api.peerAsns(sub) + "?"))
                .extract()
                .path("nextLink");
        given().header("Authorization", stack.peerToken(sub))
                .urlEncodingEnabled(false)
                .get(next)
                .then()
                .statusCode(200)
                .body("value[0].name", equalTo("asn-b"));
    }

    private static org.hamcrest.Matcher<String> startsWithAnyHex() {
        return org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}");
    }
}
