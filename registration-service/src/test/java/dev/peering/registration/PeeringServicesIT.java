package dev.peering.registration;

import static dev.peering.registration.Fixtures.API;
import static dev.peering.registration.Fixtures.RG;
import static dev.peering.registration.Fixtures.newSubscription;
import static dev.peering.registration.Fixtures.peeringServicePath;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Peering Services as ARM has them (sku, tags, backup location, Update, lists) and the Peering Service catalog. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class PeeringServicesIT {

    static final String FULL_BODY =
            """
            {"location":"westus2","sku":{"name":"Standard"},"tags":{"team":"noc"},
             "properties":{"peeringServiceLocation":"Washington","peeringServiceProvider":"Contoso IX",
              "providerPrimaryPeeringLocation":"Seattle","providerBackupPeeringLocation":"Ashburn"}}""";

    static ValidatableResponse put(String sub, String rg, String name, String body) {
        return given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.Peering/peeringServices/"
                        + name)
                .then();
    }

    static ValidatableResponse get(String path) {
        return given().queryParam("api-version", API).get(path).then();
    }

    @Test
    void putKeepsSkuTagsAndLocationsAndPatchChangesTheTagsOnly() {
        String sub = newSubscription();
        String path = peeringServicePath(sub, "ps");
        put(sub, RG, "ps", FULL_BODY)
                .statusCode(201)
                .body("id", equalTo(path))
                .body("type", equalTo("Microsoft.Peering/peeringServices"))
                .body("sku.name", equalTo("Standard"))
                .body("tags.team", equalTo("noc"))
                .body("location", equalTo("westus2"))
                .body("properties.providerPrimaryPeeringLocation", equalTo("Seattle"))
                .body("properties.providerBackupPeeringLocation", equalTo("Ashburn"))
                .body("properties.provisioningState", equalTo("Succeeded"));
        get(path)
                .statusCode(200)
                .body("sku.name", equalTo("Standard"))
                .body("tags.team", equalTo("noc"))
                .body("properties.providerBackupPeeringLocation", equalTo("Ashburn"));

        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body("{\"tags\":{\"env\":\"prod\"}}")
                .patch(path)
                .then()
                .statusCode(200)
                .body("tags.env", equalTo("prod"))
                .body("tags.team", nullValue())
                .body("sku.name", equalTo("Standard"))
                .body("properties.peeringServiceProvider", equalTo("Contoso IX"));
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body("{\"tags\":{\"env\":\"prod\"},\"location\":\"eastus\"}")
                .patch(path)
                .then()
                .statusCode(400)
                .body("error.code", equalTo("InvalidRequestContent"))
                .body("error.message", containsString("tags only"));
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body("{\"tags\":{\"env\":5}}")
                .patch(path)
                .then()
                .statusCode(400);
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body("{\"tags\":{}}")
                .patch(peeringServicePath(sub, "none"))
                .then()
                .statusCode(404);
        get(path).body("tags.env", equalTo("prod"));

        // a PUT that leaves them out clears them: PUT replaces the resource
        put(sub, RG, "ps", SecurityIT.SERVICE_BODY.replace("eastus", "westus2"))
                .statusCode(200)
                .body("sku", nullValue())
                .body("properties.providerBackupPeeringLocation", nullValue());
        put(
                        sub,
                        RG,
                        "bad",
                        "{\"location\":\"westus2\",\"sku\":{\"name\":\"<script>\"},"
                                + "\"properties\":{\"peeringServiceProvider\":\"Contoso IX\"}}")
                .statusCode(400)
                .body("error.message", containsString("'sku.name'"));
        get(peeringServicePath(sub, "bad")).statusCode(404);
    }

    @Test
    void aPutIsCheckedAgainstTheCatalogAndARefusedOneStoresNothing() {
        String sub = newSubscription();
        String[][] cases = {
            {
                "\"peeringServiceProvider\":\"Northwind\"",
                "'properties.peeringServiceProvider'",
                "peeringServiceProviders"
            },
            {
                "\"peeringServiceLocation\":\"Atlantis\",\"peeringServiceProvider\":\"Contoso IX\"",
                "'properties.peeringServiceLocation'",
                "peeringServiceLocations"
            },
            {
                "\"peeringServiceLocation\":\"Hesse\",\"peeringServiceProvider\":\"Contoso IX\"",
                "'properties.peeringServiceLocation'",
                "not served by Contoso IX"
            },
            {
                "\"peeringServiceProvider\":\"Contoso IX\",\"providerPrimaryPeeringLocation\":\"Amsterdam\"",
                "'properties.providerPrimaryPeeringLocation'",
                "peers in Seattle, Ashburn"
            },
            {
                "\"peeringServiceProvider\":\"Contoso IX\",\"providerBackupPeeringLocation\":\"London\"",
                "'properties.providerBackupPeeringLocation'",
                "peers in Seattle, Ashburn"
            }
        };
        for (int i = 0; i < cases.length; i++) {
            put(sub, RG, "c" + i, "{\"location\":\"westus2\",\"properties\":{" + cases[i][0] + "}}")
                    .statusCode(400)
                    .body("error.code", equalTo("InvalidRequestContent"))
                    .body("error.message", containsString(cases[i][1]))
                    .body("error.message", containsString(cases[i][2]));
            get(peeringServicePath(sub, "c" + i)).statusCode(404);
        }
        // names compare as people write them
        put(
                        sub,
                        RG,
                        "ok",
                        "{\"location\":\"westus2\",\"properties\":{\"peeringServiceLocation\":\"oregon\","
                                + "\"peeringServiceProvider\":\"contoso ix\",\"providerBackupPeeringLocation\":\"ASHBURN\"}}")
                .statusCode(201);
    }

    @Test
    void listsByResourceGroupAndBySubscriptionPageWithNextLink() {
        String sub = newSubscription();
        for (String rg : List.of("rg-a", "rg-b")) {
            for (String name : List.of("ps1", "ps2", "ps3")) {
                put(sub, rg, name, SecurityIT.SERVICE_BODY).statusCode(201);
            }
        }
        String byGroup = "/subscriptions/" + sub + "/resourceGroups/rg-a/providers/Microsoft.Peering/peeringServices";
        get(byGroup)
                .statusCode(200)
                .body("value", hasSize(3))
                .body("value.name", equalTo(List.of("ps1", "ps2", "ps3")));

        List<String> seen = new ArrayList<>();
        String next =
                "/subscriptions/" + sub + "/providers/Microsoft.Peering/peeringServices?api-version=" + API + "&$top=4";
        while (next != null) {
            var page = given().urlEncodingEnabled(false)
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("value.id"));
            next = page.getString("nextLink");
            if (next != null) {
                next = next.substring(next.indexOf("/subscriptions/"));
            }
        }
        assertEquals(6, seen.size(), seen.toString());
        assertEquals(seen.stream().sorted().toList(), seen);
        get("/subscriptions/" + newSubscription() + "/providers/Microsoft.Peering/peeringServices")
                .statusCode(200)
                .body("value", hasSize(0));
    }

    @Test
    void theCatalogListsLocationsProvidersCountriesAndAvailability() {
        String sub = newSubscription();
        String base = "/subscriptions/" + sub + "/providers/Microsoft.Peering";
        get(base + "/peeringServiceCountries")
                .statusCode(200)
                .body("value.name", hasItem("United States"))
                .body("value.type", everyItem(equalTo("Microsoft.Peering/peeringServiceCountries")));
        get(base + "/peeringServiceLocations")
                .statusCode(200)
                .body("value.name", hasItem("Washington"))
                .body("value.find { it.name == 'Washington' }.properties.state", equalTo("Washington"))
                .body(
                        "value.find { it.name == 'Washington' }.id",
                        equalTo(base + "/peeringServiceLocations/Washington"));
        given().queryParam("api-version", API)
                .queryParam("country", "Germany")
                .get(base + "/peeringServiceLocations")
                .then()
                .statusCode(200)
                .body("value.name", equalTo(List.of("Hesse")));
        get(base + "/peeringServiceProviders")
                .statusCode(200)
                .body("value.name", hasItem("Contoso IX"))
                .body("value.find { it.name == 'Contoso IX' }.properties.peeringLocations", hasItem("Seattle"))
                .body("value.type", everyItem(equalTo("Microsoft.Peering/peeringServiceProviders")));

        String check = base + "/checkServiceProviderAvailability";
        assertEquals(
                "\"Available\"",
                given().queryParam("api-version", API)
                        .contentType(ContentType.JSON)
                        .body("{\"peeringServiceLocation\":\"Washington\",\"peeringServiceProvider\":\"Contoso IX\"}")
                        .post(check)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertEquals(
                "\"Unavailable\"",
                given().queryParam("api-version", API)
                        .contentType(ContentType.JSON)
                        .body("{\"peeringServiceLocation\":\"Hesse\",\"peeringServiceProvider\":\"Contoso IX\"}")
                        .post(check)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body("{\"peeringServiceLocation\":\"Hesse\"}")
                .post(check)
                .then()
                .statusCode(400)
                .body("error.message", containsString("'peeringServiceProvider'"));
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .post(check)
                .then()
                .statusCode(400)
                .body("error.code", notNullValue())
                .body("error.code", not(equalTo("InternalServerError")));
    }
}
