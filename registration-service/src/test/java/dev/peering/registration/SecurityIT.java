package dev.peering.registration;

import static dev.peering.testsupport.TenancyChecks.op;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TenancyChecks;
import dev.peering.testsupport.TestTokens;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Authentication and tenancy on every operation: the provider's registered ASNs and the customer's prefixes. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class SecurityIT {

    static final String PEERING = "/subscriptions/{sub}/resourceGroups/rgName/providers/Microsoft.Peering/peerings/ix";
    static final String SERVICE =
            "/subscriptions/{sub}/resourceGroups/rgName/providers/Microsoft.Peering/peeringServices/ps";
    static final String SERVICE_BODY =
            "{\"location\":\"eastus\",\"properties\":{\"peeringServiceLocation\":\"Washington\",\"peeringServiceProvider\":\"Contoso IX\"}}";

    static final List<TenancyChecks.Operation> OPERATIONS = List.of(
            op("PUT", PEERING + "/registeredAsns/fabrikam", Fixtures.asnBody(3356)),
            op("GET", PEERING + "/registeredAsns/fabrikam"),
            op("GET", PEERING + "/registeredAsns"),
            op("DELETE", PEERING + "/registeredAsns/fabrikam"),
            op("PUT", PEERING + "/registeredPrefixes/web", Fixtures.registeredPrefixBody("20.40.0.0/16")),
            op("GET", PEERING + "/registeredPrefixes/web"),
            op("GET", PEERING + "/registeredPrefixes"),
            op("POST", PEERING + "/registeredPrefixes/web/validate"),
            op("DELETE", PEERING + "/registeredPrefixes/web"),
            op("PUT", SERVICE, SERVICE_BODY),
            op("GET", SERVICE),
            op("PATCH", SERVICE, "{\"tags\":{\"a\":\"b\"}}"),
            op("GET", "/subscriptions/{sub}/resourceGroups/rgName/providers/Microsoft.Peering/peeringServices"),
            op("GET", "/subscriptions/{sub}/providers/Microsoft.Peering/peeringServices"),
            op("GET", "/subscriptions/{sub}/providers/Microsoft.Peering/peeringServiceLocations"),
            op("GET", "/subscriptions/{sub}/providers/Microsoft.Peering/peeringServiceProviders"),
            op("GET", "/subscriptions/{sub}/providers/Microsoft.Peering/peeringServiceCountries"),
            op(
                    "POST",
                    "/subscriptions/{sub}/providers/Microsoft.Peering/checkServiceProviderAvailability",
                    "{\"peeringServiceLocation\":\"Washington\",\"peeringServiceProvider\":\"Contoso IX\"}"),
            op("DELETE", SERVICE),
            op(
                    "PUT",
                    SERVICE + "/prefixes/p1",
                    Fixtures.prefixBody("20.41.2.0/24", "00000000-0000-0000-0000-000000000000")),
            op("GET", SERVICE + "/prefixes/p1"),
            op("GET", SERVICE + "/prefixes"),
            op("DELETE", SERVICE + "/prefixes/p1"));

    @Test
    void everyOperationNeedsAValidToken() {
        TenancyChecks.refuseWithoutValidToken(OPERATIONS, Fixtures.newSubscription());
    }

    @Test
    void noTenantSeesOrTouchesAnothersKeysOrPrefixes() {
        String provider = Fixtures.newSubscription();
        String customer = Fixtures.newSubscription();
        String stranger = Fixtures.newSubscription();
        Fixtures.activePeering(provider, "ix");
        String key = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().header("Authorization", TestTokens.peer(provider))
                                .queryParam("api-version", "2022-10-01")
                                .contentType(ContentType.JSON)
                                .body(Fixtures.asnBody(3356))
                                .put(PEERING.replace("{sub}", provider) + "/registeredAsns/fabrikam")
                                .then()
                                .extract()
                                .path("properties.peeringServicePrefixKey"),
                        notNullValue());
        given().header("Authorization", TestTokens.peer(provider))
                .queryParam("api-version", "2022-10-01")
                .contentType(ContentType.JSON)
                .body(Fixtures.registeredPrefixBody("20.40.0.0/16"))
                .put(PEERING.replace("{sub}", provider) + "/registeredPrefixes/web")
                .then()
                .statusCode(201);
        // the customer uses the provider's key under its own subscription: that is the point of the key
        given().header("Authorization", TestTokens.peer(customer))
                .queryParam("api-version", "2022-10-01")
                .contentType(ContentType.JSON)
                .body(SERVICE_BODY)
                .put(SERVICE.replace("{sub}", customer))
                .then()
                .statusCode(201);
        given().header("Authorization", TestTokens.peer(customer))
                .queryParam("api-version", "2022-10-01")
                .contentType(ContentType.JSON)
                .body(Fixtures.prefixBody("20.41.2.0/24", key))
                .put(SERVICE.replace("{sub}", customer) + "/prefixes/p1")
                .then()
                .statusCode(201);

        // neither the customer nor a stranger reaches the provider's registered ASN (and its key)...
        TenancyChecks.hideOtherTenants(OPERATIONS, customer, provider);
        TenancyChecks.hideOtherTenants(OPERATIONS, stranger, provider);
        // ...nor the provider or a stranger the customer's prefixes
        TenancyChecks.hideOtherTenants(OPERATIONS, provider, customer);
        TenancyChecks.hideOtherTenants(OPERATIONS, stranger, customer);

        // and nothing they sent changed anything
        given().header("Authorization", TestTokens.peer(provider))
                .queryParam("api-version", "2022-10-01")
                .get(PEERING.replace("{sub}", provider) + "/registeredAsns/fabrikam")
                .then()
                .statusCode(200)
                .body("properties.peeringServicePrefixKey", equalTo(key));
        given().header("Authorization", TestTokens.peer(provider))
                .queryParam("api-version", "2022-10-01")
                .get(PEERING.replace("{sub}", provider) + "/registeredPrefixes/web")
                .then()
                .statusCode(200)
                .body("properties.prefix", equalTo("20.40.0.0/16"));
        given().header("Authorization", TestTokens.peer(customer))
                .queryParam("api-version", "2022-10-01")
                .get(SERVICE.replace("{sub}", customer) + "/prefixes/p1")
                .then()
                .statusCode(200)
                .body("properties.prefix", equalTo("20.41.2.0/24"));
    }
}
