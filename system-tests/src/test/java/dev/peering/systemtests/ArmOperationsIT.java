package dev.peering.systemtests;

import static dev.peering.systemtests.Stack.ASN;
import static dev.peering.systemtests.Stack.CONNECTION;
import static dev.peering.systemtests.Stack.PEERING;
import static dev.peering.systemtests.Stack.REGISTRATION;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.testsupport.ArmSpec;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Walks the operations the README's coverage table says are served, as one provider and one customer do,
 * through the gateway: each is called, and each 2xx answer is checked against its peering.json definition
 * (types and enums, {@link ArmSpec}). The set called must be exactly the set the table says is served.
 */
class ArmOperationsIT {

    static final Duration STEP = Duration.ofSeconds(60);
    static final String RG = "rg-arm";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Integer> called = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();

    private Response call(String operationId, Response response) {
        called.put(operationId, response.statusCode());
        String body = response.asString();
        if (response.statusCode() / 100 == 2 && !body.isEmpty()) {
            for (String v : ArmSpec.get().violations(operationId, response.statusCode(), json(body))) {
                violations.add(operationId + ": " + v);
            }
        }
        return response;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyServedOperationAnswersInItsArmShape() {
        Stack stack = Stack.get();
        String sub = "sub-arm-" + UUID.randomUUID();
        String customerSub = "sub-arm-customer-" + UUID.randomUUID();
        Api peer = new Api(stack, stack.peerToken(sub)).throughTheGateway();
        Api operator = new Api(stack, stack.operatorToken()).throughTheGateway();
        Api customer = new Api(stack, stack.peerToken(customerSub)).throughTheGateway();
        String asns = Api.peerAsns(sub);
        String peering = Api.peering(sub, RG, "ix-arm");
        String provider = "/subscriptions/" + sub + "/providers/Microsoft.Peering";
        String customerProvider = "/subscriptions/" + customerSub + "/providers/Microsoft.Peering";
        String service = Api.peeringService(customerSub, RG, "ps-arm");
        String peerV4 = "206.81.83." + ThreadLocalRandom.current().nextInt(10, 250);

        call("Operations_List", peer.get(PEERING, "/providers/Microsoft.Peering/operations"));
        call(
                "PeerAsns_CreateOrUpdate",
                peer.put(
                        ASN,
                        asns + "/contoso",
                        Api.peerAsnBody(30100 + ThreadLocalRandom.current().nextInt(5000))));
        operator.post(ASN, asns + "/contoso/approve", null).then().statusCode(200);
        call("PeerAsns_Get", peer.get(ASN, asns + "/contoso"));
        call("PeerAsns_ListBySubscription", peer.get(ASN, asns));
        peer.put(
                        ASN,
                        asns + "/spare",
                        Api.peerAsnBody(35200 + ThreadLocalRandom.current().nextInt(5000)))
                .then()
                .statusCode(201);
        call("PeerAsns_Delete", peer.delete(ASN, asns + "/spare"));
        call(
                "PeeringLocations_List",
                peer.to(PEERING)
                        .queryParam("kind", "Direct")
                        .queryParam("directPeeringType", "IxRs")
                        .get(provider + "/peeringLocations"));
        call(
                "PeeringLocations_List",
                peer.to(PEERING).queryParam("kind", "Exchange").get(provider + "/peeringLocations"));

        // the peering names the PeerAsn peering-service may not have heard of yet: the same request again
        Response created = await().atMost(STEP)
                .until(
                        () -> peer.put(
                                PEERING, peering, Api.peeringBody(sub, "contoso", Api.connection("c1", peerV4, null))),
                        r -> r.statusCode() == 201);
        call("Peerings_CreateOrUpdate", created);
        await().atMost(STEP)
                .until(
                        () -> peer.get(CONNECTION, peering + "/connections/c1")
                                .then()
                                .extract()
                                .path("connectionState"),
                        "Active"::equals);
        call("Peerings_Get", peer.get(PEERING, peering));
        call("Peerings_Update", peer.patch(PEERING, peering, "{\"tags\":{\"env\":\"arm\"}}"));
        call(
                "Peerings_ListByResourceGroup",
                peer.get(
                        PEERING,
                        "/subscriptions/" + sub + "/resourceGroups/" + RG + "/providers/Microsoft.Peering/peerings"));
        call("Peerings_ListBySubscription", peer.get(PEERING, provider + "/peerings"));

        call(
                "RegisteredAsns_CreateOrUpdate",
                await().atMost(STEP)
                        .until(
                                () -> peer.put(
                                        REGISTRATION,
                                        peering + "/registeredAsns/fabrikam",
                                        "{\"properties\":{\"asn\":13335}}"),
                                r -> r.statusCode() == 201));
        call("RegisteredAsns_Get", peer.get(REGISTRATION, peering + "/registeredAsns/fabrikam"));
        call("RegisteredAsns_ListByPeering", peer.get(REGISTRATION, peering + "/registeredAsns"));
        call(
                "RegisteredPrefixes_CreateOrUpdate",
                peer.put(
                        REGISTRATION,
                        peering + "/registeredPrefixes/web",
                        "{\"properties\":{\"prefix\":\"20.77.0.0/16\"}}"));
        call(
                "RegisteredPrefixes_Validate",
                peer.post(REGISTRATION, peering + "/registeredPrefixes/web/validate", null));
        String key = await().atMost(STEP)
                .until(
                        () -> peer.get(REGISTRATION, peering + "/registeredPrefixes/web")
                                .then()
                                .extract()
                                .jsonPath(),
                        j -> "Verified".equals(j.getString("properties.prefixValidationState")))
                .getString("properties.peeringServicePrefixKey");
        call("RegisteredPrefixes_Get", peer.get(REGISTRATION, peering + "/registeredPrefixes/web"));
        call("RegisteredPrefixes_ListByPeering", peer.get(REGISTRATION, peering + "/registeredPrefixes"));

        call("PeeringServiceCountries_List", customer.get(REGISTRATION, customerProvider + "/peeringServiceCountries"));
        call("PeeringServiceLocations_List", customer.get(REGISTRATION, customerProvider + "/peeringServiceLocations"));
        call("PeeringServiceProviders_List", customer.get(REGISTRATION, customerProvider + "/peeringServiceProviders"));
        call(
                "CheckServiceProviderAvailability",
                customer.post(
                        REGISTRATION,
                        customerProvider + "/checkServiceProviderAvailability",
                        "{\"peeringServiceLocation\":\"Washington\",\"peeringServiceProvider\":\"Contoso IX\"}"));
        call(
                "PeeringServices_CreateOrUpdate",
                customer.put(
                        REGISTRATION,
                        service,
                        """
                        {"location":"westus2","sku":{"name":"Standard"},"properties":{"peeringServiceLocation":
                         "Washington","peeringServiceProvider":"Contoso IX","providerBackupPeeringLocation":"Ashburn"}}"""));
        call("PeeringServices_Get", customer.get(REGISTRATION, service));
        call("PeeringServices_Update", customer.patch(REGISTRATION, service, "{\"tags\":{\"env\":\"arm\"}}"));
        call(
                "PeeringServices_ListByResourceGroup",
                customer.get(
                        REGISTRATION,
                        "/subscriptions/" + customerSub + "/resourceGroups/" + RG
                                + "/providers/Microsoft.Peering/peeringServices"));
        call("PeeringServices_ListBySubscription", customer.get(REGISTRATION, customerProvider + "/peeringServices"));
        call(
                "Prefixes_CreateOrUpdate",
                customer.put(
                        REGISTRATION,
                        service + "/prefixes/web",
                        "{\"properties\":{\"prefix\":\"20.77.1.0/24\",\"peeringServicePrefixKey\":\"" + key + "\"}}"));
        await().atMost(STEP)
                .until(
                        () -> customer.get(REGISTRATION, service + "/prefixes/web")
                                .then()
                                .extract()
                                .path("properties.prefixValidationState"),
                        "Verified"::equals);
        call(
                "Prefixes_Get",
                customer.to(REGISTRATION).queryParam("$expand", "events").get(service + "/prefixes/web"));
        call(
                "Prefixes_ListByPeeringService",
                customer.to(REGISTRATION).queryParam("$expand", "events").get(service + "/prefixes"));

        call("Prefixes_Delete", customer.delete(REGISTRATION, service + "/prefixes/web"));
        call("PeeringServices_Delete", customer.delete(REGISTRATION, service));
        call("RegisteredPrefixes_Delete", peer.delete(REGISTRATION, peering + "/registeredPrefixes/web"));
        call("RegisteredAsns_Delete", peer.delete(REGISTRATION, peering + "/registeredAsns/fabrikam"));
        // a peer may not delete an Exchange peering: the documented refusal (the operator deprovisions)
        Response refused = call("Peerings_Delete", peer.delete(PEERING, peering));
        assertEquals("DeprovisionNotAllowed", refused.then().extract().path("error.code"), refused.asString());

        assertEquals(List.of(), violations, "answers that differ from their peering.json definition");
        assertEquals(new TreeSet<>(ArmCoverage.served()), new TreeSet<>(called.keySet()), "operations called");
        List<String> failed = called.entrySet().stream()
                .filter(e -> e.getValue() / 100 != 2 && !e.getKey().equals("Peerings_Delete"))
                .map(e -> e.getKey() + " " + e.getValue())
                .toList();
        assertEquals(List.of(), failed, "operations that did not succeed");
        assertTrue(called.size() >= 35, called.toString());
    }
}
