package dev.peering.asn;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad request named by the issue: 400 with the ARM error body, and nothing stored. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class PeerAsnBadRequestIT {

    static final String CONTACTS = "[{\"role\":\"Noc\",\"email\":\"noc@contoso.com\",\"phone\":\"+1 (234) 567-8999\"}]";

    static String props(String peerAsn, String peerName, String contacts) {
        return "{\"properties\":{\"peerAsn\":" + peerAsn + ",\"peerName\":" + peerName + ",\"peerContactDetail\":"
                + contacts + "}}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "malformed JSON | {\"properties\": {\"peerAsn\": 3356,, } | InvalidRequestContent | not valid",
                "not an object | [1,2,3] | InvalidRequestContent | not valid",
                "empty body | `` | InvalidRequestContent | properties",
                "no properties | {} | InvalidRequestContent | properties",
                "asn missing | {\"properties\":{\"peerName\":\"Contoso\",\"peerContactDetail\":" + CONTACTS
                        + "}} | InvalidRequestContent | peerAsn",
                "asn a string | " + "{\"properties\":{\"peerAsn\":\"3356\",\"peerName\":\"Contoso\"}}"
                        + " | InvalidRequestContent | peerAsn",
                "asn not a number | {\"properties\":{\"peerAsn\":\"abc\"}} | InvalidRequestContent | peerAsn",
                "asn fractional | {\"properties\":{\"peerAsn\":3356.5}} | InvalidRequestContent | peerAsn",
                "asn negative | {\"properties\":{\"peerAsn\":-1,\"peerName\":\"Contoso\",\"peerContactDetail\":"
                        + CONTACTS + "}} | InvalidRequestContent | 4294967295",
                "asn too large | {\"properties\":{\"peerAsn\":4294967296,\"peerName\":\"Contoso\",\"peerContactDetail\":"
                        + CONTACTS + "}} | InvalidRequestContent | 4294967295",
                "asn huge | {\"properties\":{\"peerAsn\":99999999999999999999999}} | InvalidRequestContent | peerAsn",
                "peerName missing | {\"properties\":{\"peerAsn\":3356,\"peerContactDetail\":" + CONTACTS
                        + "}} | InvalidRequestContent | peerName",
                "peerName empty | {\"properties\":{\"peerAsn\":3356,\"peerName\":\"\",\"peerContactDetail\":" + CONTACTS
                        + "}} | InvalidRequestContent | peerName",
                "peerName digits | {\"properties\":{\"peerAsn\":3356,\"peerName\":\"Contoso1\",\"peerContactDetail\":"
                        + CONTACTS + "}} | InvalidRequestContent | letters and spaces",
                "peerName punctuation | {\"properties\":{\"peerAsn\":3356,\"peerName\":\"Contoso, Inc.\","
                        + "\"peerContactDetail\":" + CONTACTS + "}} | InvalidRequestContent | letters and spaces",
                "peerName a number | {\"properties\":{\"peerAsn\":3356,\"peerName\":42,\"peerContactDetail\":"
                        + CONTACTS + "}} | InvalidRequestContent | peerName",
                "no contacts | {\"properties\":{\"peerAsn\":3356,\"peerName\":\"Contoso\",\"peerContactDetail\":[]}}"
                        + " | InvalidRequestContent | peerContactDetail",
                "contacts missing | {\"properties\":{\"peerAsn\":3356,\"peerName\":\"Contoso\"}}"
                        + " | InvalidRequestContent | peerContactDetail",
                "contact without email or phone | {\"properties\":{\"peerAsn\":3356,\"peerName\":\"Contoso\","
                        + "\"peerContactDetail\":[{\"role\":\"Noc\"}]}} | InvalidRequestContent | valid email or phone",
                "bad email | {\"properties\":{\"peerAsn\":3356,\"peerName\":\"Contoso\","
                        + "\"peerContactDetail\":[{\"role\":\"Noc\",\"email\":\"not-an-email\"}]}}"
                        + " | InvalidRequestContent | email",
                "bad phone | {\"properties\":{\"peerAsn\":3356,\"peerName\":\"Contoso\","
                        + "\"peerContactDetail\":[{\"role\":\"Noc\",\"phone\":\"call me\"}]}}"
                        + " | InvalidRequestContent | phone",
                "role outside the enum | {\"properties\":{\"peerAsn\":3356,\"peerName\":\"Contoso\","
                        + "\"peerContactDetail\":[{\"role\":\"Boss\",\"email\":\"noc@contoso.com\"}]}}"
                        + " | InvalidRequestContent | role",
                "role missing | {\"properties\":{\"peerAsn\":3356,\"peerName\":\"Contoso\","
                        + "\"peerContactDetail\":[{\"email\":\"noc@contoso.com\"}]}}"
                        + " | InvalidRequestContent | role",
                "contacts not a list | {\"properties\":{\"peerAsn\":3356,\"peerName\":\"Contoso\","
                        + "\"peerContactDetail\":\"noc@contoso.com\"}} | InvalidRequestContent | peerContactDetail",
            })
    void badBodyIs400AndStoresNothing(String caseName, String body, String code, String mention) {
        String sub = "sub-" + UUID.randomUUID();
        String path = "/subscriptions/" + sub + "/providers/Microsoft.Peering/peerAsns/bad";
        given().queryParam("api-version", "2022-10-01")
                .contentType(ContentType.JSON)
                .body(body)
                .put(path)
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo(code))
                .body("error.message", containsString(mention));
        given().queryParam("api-version", "2022-10-01").get(path).then().statusCode(404);
        given().queryParam("api-version", "2022-10-01")
                .get("/subscriptions/" + sub + "/providers/Microsoft.Peering/peerAsns")
                .then()
                .body("value", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bad name",
                "name*",
                "name.",
                "x%2Fy",
                "a-very-long-name-that-is-longer-than-eighty-characters-which-arm-does-not-accept-at-all"
            })
    void resourceNamesArmDoesNotAllowAre400(String name) {
        given().queryParam("api-version", "2022-10-01")
                .contentType(ContentType.JSON)
                .body(props("3356", "\"Contoso\"", CONTACTS))
                .urlEncodingEnabled(false)
                .put("/subscriptions/sub-names/providers/Microsoft.Peering/peerAsns/" + name.replace(" ", "%20"))
                .then()
                .statusCode(400)
                .body("error.code", equalTo("InvalidResourceName"));
    }

    @ParameterizedTest
    @CsvSource({
        "'', MissingApiVersionParameter",
        "2021-01-01, InvalidApiVersionParameter",
        "latest, InvalidApiVersionParameter"
    })
    void apiVersionIsRequired(String version, String code) {
        var request = given().contentType(ContentType.JSON).body(props("3356", "\"Contoso\"", CONTACTS));
        if (!version.isEmpty()) {
            request.queryParam("api-version", version);
        }
        String path = "/subscriptions/sub-version/providers/Microsoft.Peering/peerAsns/v";
        request.put(path).then().statusCode(400).body("error.code", equalTo(code));
        given().queryParam("api-version", "2022-10-01").get(path).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml"})
    void otherMediaTypesAreRefusedWithTheArmBody(String type) {
        given().queryParam("api-version", "2022-10-01")
                .contentType(type)
                .body("peerAsn=3356")
                .put("/subscriptions/sub-media/providers/Microsoft.Peering/peerAsns/m")
                .then()
                .statusCode(415)
                .body("error.code", notNullValue());
    }

    @org.junit.jupiter.api.Test
    void unknownPathsAndMethodsGetTheArmBody() {
        given().queryParam("api-version", "2022-10-01")
                .get("/subscriptions/s/providers/Microsoft.Peering/nothingHere")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NotFound"));
        given().queryParam("api-version", "2022-10-01")
                .patch("/subscriptions/s/providers/Microsoft.Peering/peerAsns/x")
                .then()
                .statusCode(405)
                .body("error.code", equalTo("MethodNotAllowed"));
    }
}
