package dev.peering.peerings;

import static dev.peering.peerings.Fixtures.API;
import static dev.peering.peerings.Fixtures.SEATTLE_CONNECTION;
import static dev.peering.peerings.Fixtures.approve;
import static dev.peering.peerings.Fixtures.awaitKnown;
import static dev.peering.peerings.Fixtures.body;
import static dev.peering.peerings.Fixtures.get;
import static dev.peering.peerings.Fixtures.newSubscription;
import static dev.peering.peerings.Fixtures.peerAsnId;
import static dev.peering.peerings.Fixtures.peeringPath;
import static dev.peering.peerings.Fixtures.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of a create request: a 400 with the ARM body naming the field, and nothing stored. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class PeeringBadRequestIT {

    static String sub;
    static String good;

    // RestAssured knows the application's port only once a test runs, so not in @BeforeAll
    @BeforeEach
    void knownPeerAsn() {
        if (sub != null) {
            return;
        }
        sub = newSubscription();
        approve(sub, "contoso", 3356);
        awaitKnown(sub, "contoso");
        good = body(peerAsnId(sub, "contoso"));
    }

    static String session(String from, String to) {
        return body(peerAsnId(sub, "contoso"), "Seattle", "[" + SEATTLE_CONNECTION.replace(from, to) + "]");
    }

    static String v6(String prefix, String microsoft, String peer) {
        return session(
                "\"maxPrefixesAdvertisedV4\":1000",
                "\"maxPrefixesAdvertisedV4\":1000,\"sessionPrefixV6\":\"" + prefix
                        + "\",\"microsoftSessionIPv6Address\":\"" + microsoft + "\",\"peerSessionIPv6Address\":\""
                        + peer + "\"");
    }

    /** Each case: a request body, the field its message must name. Bodies are built after the PeerAsn is known. */
    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("kind missing", (Builder) () -> good.replace("\"kind\":\"Direct\",", ""), "'kind'"),
                Arguments.of(
                        "kind Exchange",
                        (Builder) () -> good.replace("\"Direct\",\"location\"", "\"Exchange\",\"location\""),
                        "'kind'"),
                Arguments.of(
                        "sku", (Builder) () -> good.replace("Premium_Direct_Free", "Basic_Direct_Free"), "'sku.name'"),
                Arguments.of(
                        "sku missing",
                        (Builder) () -> good.replace("\"sku\":{\"name\":\"Premium_Direct_Free\"},", ""),
                        "'sku.name'"),
                Arguments.of("location", (Builder) () -> good.replace("\"location\":\"westus2\",", ""), "'location'"),
                Arguments.of(
                        "directPeeringType",
                        (Builder) () -> good.replace("IxRs", "Edge"),
                        "'properties.direct.directPeeringType'"),
                Arguments.of(
                        "peeringLocation unknown",
                        (Builder) () -> good.replace("\"Seattle\"", "\"Atlantis\""),
                        "'properties.peeringLocation'"),
                Arguments.of(
                        "peeringLocation missing",
                        (Builder) () -> good.replace(",\n   \"peeringLocation\":\"Seattle\"", "")
                                .replace(",\"peeringLocation\":\"Seattle\"", ""),
                        "'properties.peeringLocation'"),
                // a PeerAsn not known here (yet) is no longer a refusal: aPeerAsnNotKnownYetIsAcceptedAndWaits
                Arguments.of(
                        "peerAsn name that cannot exist",
                        (Builder) () -> body(peerAsnId(sub, "bad name!")),
                        "'properties.direct.peerAsn.id'"),
                Arguments.of(
                        "peerAsn of another subscription",
                        (Builder) () -> body(peerAsnId("sub-other", "contoso")),
                        "'properties.direct.peerAsn.id'"),
                Arguments.of("peerAsn not an id", (Builder) () -> body("contoso"), "'properties.direct.peerAsn.id'"),
                Arguments.of(
                        "no connection",
                        (Builder) () -> body(peerAsnId(sub, "contoso"), "Seattle", "[]"),
                        "'properties.direct.connections'"),
                Arguments.of(
                        "facility unknown",
                        (Builder) () -> session(":143,", ":99999,"),
                        "'properties.direct.connections[0].peeringDBFacilityId'"),
                Arguments.of(
                        "facility in another metro",
                        (Builder) () -> session(":143,", ":18,"),
                        "'properties.direct.connections[0].peeringDBFacilityId'"),
                Arguments.of(
                        "Microsoft provides addresses",
                        (Builder) () -> session("\"Peer\"", "\"Microsoft\""),
                        "'properties.direct.connections[0].sessionAddressProvider'"),
                Arguments.of(
                        "bandwidth not offered",
                        (Builder) () -> session(":10000,", ":2000,"),
                        "'properties.direct.connections[0].bandwidthInMbps'"),
                Arguments.of(
                        "prefix not a CIDR",
                        (Builder) () -> session("206.81.80.0/22", "206.81.80.0/40"),
                        "'properties.direct.connections[0].bgpSession.sessionPrefixV4'"),
                Arguments.of(
                        "prefix missing",
                        (Builder) () -> session("\"sessionPrefixV4\":\"206.81.80.0/22\",", ""),
                        "'properties.direct.connections[0].bgpSession.sessionPrefixV4'"),
                Arguments.of(
                        "peer address outside",
                        (Builder) () -> session("206.81.81.10", "10.0.0.1"),
                        "'properties.direct.connections[0].bgpSession.peerSessionIPv4Address'"),
                Arguments.of(
                        "Microsoft address outside",
                        (Builder) () -> session("206.81.80.30", "206.81.90.30"),
                        "'properties.direct.connections[0].bgpSession.microsoftSessionIPv4Address'"),
                Arguments.of(
                        "same addresses",
                        (Builder) () -> session("206.81.81.10", "206.81.80.30"),
                        "'properties.direct.connections[0].bgpSession.peerSessionIPv4Address'"),
                Arguments.of(
                        "network address",
                        (Builder) () -> session("206.81.81.10", "206.81.80.0"),
                        "'properties.direct.connections[0].bgpSession.peerSessionIPv4Address'"),
                Arguments.of(
                        "broadcast address",
                        (Builder) () -> session("206.81.81.10", "206.81.83.255"),
                        "'properties.direct.connections[0].bgpSession.peerSessionIPv4Address'"),
                Arguments.of(
                        "IPv6 address outside",
                        (Builder) () -> v6("2001:504:16::/64", "2001:504:16::1f9b", "2001:504:17::2"),
                        "'properties.direct.connections[0].bgpSession.peerSessionIPv6Address'"),
                Arguments.of(
                        "IPv6 prefix not a CIDR",
                        (Builder) () -> v6("2001:504:16::/129", "2001:504:16::1f9b", "2001:504:16::2"),
                        "'properties.direct.connections[0].bgpSession.sessionPrefixV6'"),
                Arguments.of(
                        "IPv6 same addresses",
                        (Builder) () -> v6("2001:504:16::/64", "2001:504:16::2", "2001:504:16::2"),
                        "'properties.direct.connections[0].bgpSession.peerSessionIPv6Address'"),
                Arguments.of(
                        "maxPrefixes 0",
                        (Builder) () -> session(":1000}", ":0}"),
                        "'properties.direct.connections[0].bgpSession.maxPrefixesAdvertisedV4'"),
                Arguments.of(
                        "maxPrefixes above 20000",
                        (Builder) () -> session(":1000}", ":1000,\"maxPrefixesAdvertisedV6\":20001}"),
                        "'properties.direct.connections[0].bgpSession.maxPrefixesAdvertisedV6'"),
                Arguments.of(
                        "MD5 key with spaces",
                        (Builder) () -> session(":1000}", ":1000,\"md5AuthenticationKey\":\"not a key\"}"),
                        "'properties.direct.connections[0].bgpSession.md5AuthenticationKey'"),
                Arguments.of(
                        "connectionIdentifier twice",
                        (Builder) () -> body(
                                peerAsnId(sub, "contoso"),
                                "Seattle",
                                "[" + PeeringApiIT.connection("x", 10) + "," + PeeringApiIT.connection("x", 11) + "]"),
                        "'properties.direct.connections[1].connectionIdentifier'"),
                Arguments.of(
                        "connectionIdentifier invalid",
                        (Builder) () -> body(
                                peerAsnId(sub, "contoso"), "Seattle", "[" + PeeringApiIT.connection("a/b", 10) + "]"),
                        "'properties.direct.connections[0].connectionIdentifier'"),
                Arguments.of(
                        "exchange properties",
                        (Builder) () -> good.replace(
                                "\"peeringLocation\":", "\"exchange\":{\"connections\":[]},\"peeringLocation\":"),
                        "'properties.exchange'"),
                Arguments.of(
                        "tag not a string",
                        (Builder) () -> good.replace("\"kind\"", "\"tags\":{\"team\":1},\"kind\""),
                        "tags"),
                Arguments.of(
                        "bandwidth a string", (Builder) () -> session(":10000,", ":\"10000\","), "bandwidthInMbps"),
                Arguments.of("not JSON", (Builder) () -> "{\"kind\":", "malformed JSON"));
    }

    interface Builder {
        String build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleIsA400NamingTheFieldAndStoresNothing(String rule, Builder request, String field) {
        String path = peeringPath(sub, "rg1", "bad-" + Math.abs(rule.hashCode()));
        put(path, request.build())
                .statusCode(400)
                .body("error.code", equalTo("InvalidRequestContent"))
                .body("error.message", containsString(field));
        get(path).statusCode(404).body("error.code", equalTo("ResourceNotFound"));
    }

    /**
     * Until read-your-writes (issue #12, ADR 0009) this was the "peerAsn unknown" case above: 400 "names no
     * PeerAsn". Now the peering is accepted and waits for the PeerAsn (PeerAsnArrivalIT follows it further).
     */
    @Test
    void aPeerAsnNotKnownYetIsAcceptedAndWaits() {
        String path = peeringPath(sub, "rg1", "waits-for-nobody");
        put(path, body(peerAsnId(sub, "nobody")))
                .statusCode(201)
                .body("properties.provisioningState", equalTo("Updating"))
                .body("properties.direct.connections[0].connectionState", equalTo("PendingApproval"));
        get(path).statusCode(200).body("properties.provisioningState", equalTo("Updating"));
    }

    @Test
    void theMd5KeyIsNotEchoedInAnError() {
        String key = "leaky key-" + System.nanoTime();
        put(peeringPath(sub, "rg1", "md5"), session(":1000}", ":1000,\"md5AuthenticationKey\":\"" + key + "\"}"))
                .statusCode(400)
                .body("error.message", not(containsString(key)));
    }

    @Test
    void pathAndApiVersionAreChecked() {
        put(peeringPath(sub, "rg1", "bad name!"), good)
                .statusCode(400)
                .body("error.code", equalTo("InvalidResourceName"));
        put(peeringPath(sub, "rg1.", "p"), good).statusCode(400).body("error.code", equalTo("InvalidResourceName"));
        given().queryParam("api-version", "2021-01-01")
                .contentType(ContentType.JSON)
                .body(good)
                .put(peeringPath(sub, "rg1", "p"))
                .then()
                .statusCode(400)
                .body("error.code", equalTo("InvalidApiVersionParameter"));
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .put(peeringPath(sub, "rg1", "p"))
                .then()
                .statusCode(400)
                .body("error.code", equalTo("InvalidRequestContent"));
        get(peeringPath(sub, "rg1", "p")).statusCode(404);
    }
}
