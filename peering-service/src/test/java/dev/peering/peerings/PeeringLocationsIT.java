package dev.peering.peerings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class PeeringLocationsIT {

    static final String PATH = "/subscriptions/sub-locations/providers/Microsoft.Peering/peeringLocations";

    static RequestSpecification request() {
        return given().queryParam("api-version", Fixtures.API);
    }

    @Test
    void routeServerMetrosInTheArmShape() {
        request()
                .queryParam("kind", "Direct")
                .queryParam("directPeeringType", "IxRs")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("value.size()", greaterThanOrEqualTo(5))
                .body("value.name", hasItem("Seattle"))
                .body("value.find { it.name == 'Seattle' }.kind", equalTo("Direct"))
                .body("value.find { it.name == 'Seattle' }.type", equalTo("Microsoft.Peering/peeringLocations"))
                .body(
                        "value.find { it.name == 'Seattle' }.id",
                        equalTo("/subscriptions/sub-locations/providers/Microsoft.Peering/peeringLocations/Seattle"))
                .body("value.find { it.name == 'Seattle' }.properties.country", equalTo("US"))
                .body(
                        "value.find { it.name == 'Seattle' }.properties.direct.peeringFacilities.peeringDBFacilityId",
                        hasItem(143))
                .body(
                        "value.find { it.name == 'Seattle' }.properties.direct.peeringFacilities[0].directPeeringType",
                        equalTo("IxRs"))
                .body(
                        "value.find { it.name == 'Seattle' }.properties.direct.peeringFacilities[0].peeringDBFacilityLink",
                        equalTo("https://www.peeringdb.com/fac/143"))
                .body(
                        "value.find { it.name == 'Seattle' }.properties.direct.peeringFacilities[0].exchangePrefixesV4[0]",
                        equalTo("206.81.80.0/22"))
                .body(
                        "value.find { it.name == 'Seattle' }.properties.direct.bandwidthOffers.offerName",
                        hasItem("10Gbps"))
                .body(
                        "value.find { it.name == 'Seattle' }.properties.direct.bandwidthOffers.valueInMbps",
                        hasItem(10000));
    }

    @Test
    void exchangeLocationsListTheExchangeLansInTheArmShape() {
        request()
                .queryParam("kind", "Exchange")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("value.size()", greaterThanOrEqualTo(5))
                .body("value.kind", everyItem(equalTo("Exchange")))
                .body("value.find { it.name == 'Seattle' }.properties.direct", nullValue())
                .body(
                        "value.find { it.name == 'Seattle' }.properties.exchange.peeringFacilities.peeringDBFacilityId",
                        hasItem(143))
                .body(
                        "value.find { it.name == 'Seattle' }.properties.exchange.peeringFacilities[0].facilityIPv4Prefix",
                        equalTo("206.81.80.0/22"))
                .body(
                        "value.find { it.name == 'Seattle' }.properties.exchange.peeringFacilities[0].bandwidthInMbps",
                        equalTo(100000))
                .body(
                        "value.find { it.name == 'Seattle' }.properties.exchange.peeringFacilities[0].microsoftIPv4Address",
                        equalTo("206.81.80.30"));
    }

    @Test
    void unknownKindOrTypeIsA400() {
        request()
                .queryParam("kind", "Legacy")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("error.code", equalTo("InvalidQueryParameter"));
        request().get(PATH).then().statusCode(400).body("error.code", equalTo("InvalidQueryParameter"));
        request()
                .queryParam("kind", "Direct")
                .queryParam("directPeeringType", "Bogus")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("error.code", equalTo("InvalidQueryParameter"));
        // a type ARM knows that this control plane does not serve lists nothing
        request()
                .queryParam("kind", "Direct")
                .queryParam("directPeeringType", "Edge")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("value", hasSize(0));
    }
}
