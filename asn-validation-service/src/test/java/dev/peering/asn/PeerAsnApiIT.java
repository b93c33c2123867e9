package dev.peering.asn;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.peering.testsupport.AdjustableTimeSource;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class PeerAsnApiIT {

    static final String API = "2022-10-01";
    static TopicReader topic;

    @BeforeAll
    static void readTopic() {
        topic = new TopicReader("peering.peer-asn-events");
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    static String newSubscription() {
        return "sub-" + UUID.randomUUID();
    }

    static String path(String sub) {
        return "/subscriptions/" + sub + "/providers/Microsoft.Peering/peerAsns";
    }

    static String body(long asn, String peerName) {
        return """
                {"properties":{"peerAsn":%d,"peerName":"%s","peerContactDetail":[
                  {"role":"Noc","email":"noc@contoso.com","phone":"+1 (234) 567-8999"},
                  {"role":"Policy","email":"abc@contoso.com","phone":"+1 (234) 567-8900"}]}}"""
                .formatted(asn, peerName);
    }

    static ValidatableResponse put(String sub, String name, String body) {
        return given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body(body)
                .put(path(sub) + "/" + name)
                .then();
    }

    static ValidatableResponse get(String sub, String name) {
        return given().queryParam("api-version", API)
                .get(path(sub) + "/" + name)
                .then();
    }

    @Test
    void createIsPendingThenApprovedWithEvents() {
        String sub = newSubscription();
        String id = path(sub) + "/contoso";
        String correlation = "corr-" + UUID.randomUUID();
        given().queryParam("api-version", API)
                .header("x-ms-correlation-request-id", correlation)
                .contentType(ContentType.JSON)
                .body(body(3356, "Contoso"))
                .put(path(sub) + "/contoso")
                .then()
                .statusCode(201)
                .header("x-ms-correlation-request-id", correlation)
                .body("id", equalTo(id))
                .body("name", equalTo("contoso"))
                .body("type", equalTo("Microsoft.Peering/peerAsns"))
                .body("properties.peerAsn", equalTo(3356))
                .body("properties.peerName", equalTo("Contoso"))
                .body("properties.peerContactDetail", hasSize(2))
                .body("properties.peerContactDetail[0].role", equalTo("Noc"))
                .body("properties.validationState", equalTo("Pending"));

        // still Pending within the delay; the seed's 12 hours then pass
        get(sub, "contoso").body("properties.validationState", equalTo("Pending"));
        AdjustableTimeSource.advance(Duration.ofHours(12).plusSeconds(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(sub, "contoso")
                .statusCode(200)
                .body("properties.validationState", equalTo("Approved"))
                .body("properties.errorMessage", nullValue()));

        List<TopicReader.Received> events = topic.awaitSubjectExactly(id, 2);
        assertEquals(2, events.size());
        TopicReader.Received created = events.get(0);
        assertEquals("dev.peering.peerAsn.created", created.event().type());
        assertEquals(id, created.key());
        assertEquals("1.0", created.event().specversion());
        assertEquals("/services/asn-validation-service", created.event().source());
        assertEquals(sub, created.event().subscription());
        assertEquals(correlation, created.event().correlationid());
        assertEquals(correlation, created.headers().get("correlationid"));
        assertNotNull(created.event().time());
        assertEquals("Pending", created.event().data().get("validationState").asText());
        assertEquals(
                "None", created.event().data().get("previousValidationState").asText());
        TopicReader.Received decided = events.get(1);
        assertEquals(
                "dev.peering.peerAsn.validationStateChanged", decided.event().type());
        assertEquals(
                "Pending", decided.event().data().get("previousValidationState").asText());
        assertEquals("Approved", decided.event().data().get("validationState").asText());
        // the decision belongs to the workflow of the request that associated the ASN
        assertEquals(correlation, decided.event().correlationid());
    }

    @Test
    void notPublicAsnsFailWithTheRuleTheyBreak() {
        String sub = newSubscription();
        long[] asns = {
            0,
            23456,
            64496,
            64511,
            65536,
            65551,
            64512,
            65000,
            65534,
            4_200_000_000L,
            4_294_967_294L,
            65535,
            65552,
            131071,
            4_294_967_295L,
            8075
        };
        String[] words = {
            "reserved",
            "AS_TRANS",
            "documentation",
            "documentation",
            "documentation",
            "documentation",
            "private",
            "private",
            "private",
            "private",
            "private",
            "reserved",
            "reserved",
            "reserved",
            "reserved",
            "Microsoft"
        };
        for (long asn : asns) {
            put(sub, "asn" + asn, body(asn, "Contoso"))
                    .statusCode(201)
                    .body("properties.validationState", equalTo("Pending"));
        }
        AdjustableTimeSource.advance(Duration.ofHours(12).plusSeconds(1));
        for (int i = 0; i < asns.length; i++) {
            String name = "asn" + asns[i];
            String word = words[i];
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(sub, name)
                    .body("properties.validationState", equalTo("Failed"))
                    .body("properties.errorMessage", containsString(word)));
        }
        String failedId = path(sub) + "/asn65000";
        TopicReader.Received failed = topic.awaitSubject(failedId, 2).get(1);
        assertEquals("Failed", failed.event().data().get("validationState").asText());
        assertEquals(true, failed.event().data().get("errorMessage").asText().contains("private"));
    }

    @Test
    void updateAnswers200AndKeepsTheState() {
        String sub = newSubscription();
        put(sub, "p1", body(174, "Cogent")).statusCode(201);
        put(sub, "p1", body(174, "Cogent Communications"))
                .statusCode(200)
                .body("properties.peerName", equalTo("Cogent Communications"));
        put(sub, "p1", body(175, "Cogent"))
                .statusCode(400)
                .body("error.code", equalTo("InvalidRequestContent"))
                .body("error.message", containsString("properties.peerAsn"));
        get(sub, "p1").body("properties.peerAsn", equalTo(174));
    }

    @Test
    void sameAsnTwiceInOneSubscriptionIsAConflict() {
        String sub = newSubscription();
        put(sub, "first", body(6939, "Hurricane")).statusCode(201);
        put(sub, "second", body(6939, "Hurricane"))
                .statusCode(409)
                .body("error.code", equalTo("PeerAsnAlreadyExists"))
                .body("error.message", containsString("first"));
        get(sub, "second").statusCode(404).body("error.code", equalTo("ResourceNotFound"));
        // another subscription may associate the same ASN
        put(newSubscription(), "first", body(6939, "Hurricane")).statusCode(201);
    }

    @Test
    void deleteAnswers200Then204AndPublishes() {
        String sub = newSubscription();
        put(sub, "gone", body(3257, "Gtt")).statusCode(201);
        given().queryParam("api-version", API)
                .delete(path(sub) + "/gone")
                .then()
                .statusCode(200);
        given().queryParam("api-version", API)
                .delete(path(sub) + "/gone")
                .then()
                .statusCode(204);
        get(sub, "gone").statusCode(404);
        List<TopicReader.Received> events = topic.awaitSubject(path(sub) + "/gone", 2);
        assertEquals("dev.peering.peerAsn.deleted", events.get(1).event().type());
    }

    @Test
    void listPagesWithNextLink() {
        String sub = newSubscription();
        for (int i = 1; i <= 5; i++) {
            put(sub, "asn-" + i, body(1000 + i, "Peer")).statusCode(201);
        }
        // as a client sends it: "$top" unescaped (RestAssured would escape the "$")
        String next = given().urlEncodingEnabled(false)
                .get(path(sub) + "?api-version=" + API + "&$top=2")
                .then()
                .statusCode(200)
                .body("value", hasSize(2))
                .body("value[0].name", equalTo("asn-1"))
                .body("nextLink", notNullValue())
                .extract()
                .path("nextLink");
        String last = given().urlEncodingEnabled(false)
                .get(next)
                .then()
                .statusCode(200)
                .body("value", hasSize(2))
                .body("value[0].name", equalTo("asn-3"))
                .extract()
                .path("nextLink");
        given().get(last)
                .then()
                .statusCode(200)
                .body("value", hasSize(1))
                .body("value[0].name", equalTo("asn-5"))
                .body("nextLink", nullValue());
        // other subscriptions' PeerAsns never appear
        given().queryParam("api-version", API)
                .get(path(newSubscription()))
                .then()
                .statusCode(200)
                .body("value", hasSize(0));
    }

    @Test
    void operatorApprovesOrRejectsAPendingPeerAsn() {
        String sub = newSubscription();
        // the operator decides before the delay is over: the clock does not move in this test
        put(sub, "approve-me", body(65001, "Contoso")).statusCode(201);
        given().queryParam("api-version", API)
                .post(path(sub) + "/approve-me/approve")
                .then()
                .statusCode(200)
                .body("properties.validationState", equalTo("Approved"));
        given().queryParam("api-version", API)
                .post(path(sub) + "/approve-me/approve")
                .then()
                .statusCode(409)
                .body("error.code", equalTo("InvalidValidationStateTransition"));

        put(sub, "reject-me", body(3491, "Contoso")).statusCode(201);
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body("{}")
                .post(path(sub) + "/reject-me/reject")
                .then()
                .statusCode(400)
                .body("error.message", containsString("reason"));
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"the ASN is registered to another organisation\"}")
                .post(path(sub) + "/reject-me/reject")
                .then()
                .statusCode(200)
                .body("properties.validationState", equalTo("Failed"))
                .body("properties.errorMessage", containsString("another organisation"));
        given().queryParam("api-version", API)
                .post(path(sub) + "/nobody/approve")
                .then()
                .statusCode(404);
    }
}
