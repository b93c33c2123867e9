package dev.peering.systemtests;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The REST surface of the stack, as a user calls it: ARM paths, api-version, a bearer token; each request
 * to the service named, or, {@link #throughTheGateway()}, to the gateway in front of them all.
 */
final class Api {

    static final String API_VERSION = "2022-10-01";

    private final Stack stack;
    private final String token;
    private String correlationId;
    private boolean throughTheGateway;

    Api(Stack stack, String token) {
        this.stack = stack;
        this.token = token;
    }

    /** Sends the next requests with this correlation id, as one workflow. */
    Api correlation(String id) {
        this.correlationId = id;
        return this;
    }

    /** Sends the next requests to the gateway; the service named on each only says who should answer. */
    Api throughTheGateway() {
        this.throughTheGateway = true;
        return this;
    }

    RequestSpecification to(String service) {
        RequestSpecification request = given().baseUri(stack.url(throughTheGateway ? Stack.GATEWAY : service))
                .queryParam("api-version", API_VERSION)
                .header("Authorization", token)
                .contentType(ContentType.JSON);
        if (correlationId != null) {
            request.header("x-ms-correlation-request-id", correlationId);
        }
        return request;
    }

    Response put(String service, String path, String body) {
        return to(service).body(body).put(path);
    }

    Response patch(String service, String path, String body) {
        return to(service).body(body).patch(path);
    }

    Response get(String service, String path) {
        return to(service).get(path);
    }

    Response post(String service, String path, String body) {
        RequestSpecification request = to(service);
        return body == null ? request.post(path) : request.body(body).post(path);
    }

    Response delete(String service, String path) {
        return to(service).delete(path);
    }

    static String peerAsns(String sub) {
        return "/subscriptions/" + sub + "/providers/Microsoft.Peering/peerAsns";
    }

    static String peering(String sub, String rg, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.Peering/peerings/" + name;
    }

    static String peeringService(String sub, String rg, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.Peering/peeringServices/"
                + name;
    }

    static String peerAsnBody(long asn) {
        return """
                {"properties":{"peerAsn":%d,"peerName":"Contoso IX","peerContactDetail":[
                  {"role":"Noc","email":"noc@contoso.example","phone":"+1 206 555 0100"}]}}"""
                .formatted(asn);
    }

    /** A connection at SIX Seattle (facility 143): IPv4 always, IPv6 when {@code v6} is set. */
    static String connection(String id, String peerV4, String peerV6) {
        String v6 = peerV6 == null
                ? ""
                : """
                  ,"sessionPrefixV6":"2001:504:16::/64","microsoftSessionIPv6Address":"2001:504:16::1f9b",
                  "peerSessionIPv6Address":"%s","maxPrefixesAdvertisedV6":100"""
                        .formatted(peerV6);
        return """
                {"connectionIdentifier":"%s","peeringDBFacilityId":143,"bandwidthInMbps":10000,
                 "sessionAddressProvider":"Peer","useForPeeringService":false,
                 "bgpSession":{"sessionPrefixV4":"206.81.80.0/22","microsoftSessionIPv4Address":"206.81.80.30",
                  "peerSessionIPv4Address":"%s","maxPrefixesAdvertisedV4":1000%s}}"""
                .formatted(id, peerV4, v6);
    }

    static String peeringBody(String sub, String peerAsnName, String... connections) {
        return """
                {"sku":{"name":"Premium_Direct_Free"},"kind":"Direct","location":"westus2",
                 "properties":{"peeringLocation":"Seattle","direct":{"directPeeringType":"IxRs",
                  "peerAsn":{"id":"/subscriptions/%s/providers/Microsoft.Peering/peerAsns/%s"},
                  "connections":[%s]}}}"""
                .formatted(sub, peerAsnName, String.join(",", connections));
    }
}
