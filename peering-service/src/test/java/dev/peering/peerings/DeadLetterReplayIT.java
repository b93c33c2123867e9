package dev.peering.peerings;

import static dev.peering.peerings.Fixtures.connectionEvent;
import static dev.peering.peerings.Fixtures.get;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.ConnectionEvent;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TestTokens;
import dev.peering.testsupport.TokensTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator's dead-letter tools on a real broker and database (ADR 0018): an event the consumer cannot
 * apply is dead-lettered, shown with its reason, and after the cause is fixed replayed through the
 * consumer's inbox, applied exactly once however often it is replayed.
 *
 * <p>The cause is simulated, and said so: a trigger this test puts on {@code peering_connection} refuses
 * the connection's move to Approved for this test's peering only (as a broken migration or a rule bug
 * would), and dropping it is the fix.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class DeadLetterReplayIT {

    static final String DLQ = "/deadLetters/peering-service/connection-events";
    static final String CONSUMER = "peering-service.connection-events";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPoisonEventIsDeadLetteredShownAndAfterTheFixReplayedExactlyOnce() throws SQLException {
        String sub = Fixtures.newSubscription();
        String path = ReadModelIT.createdPeering(sub, "replayed");
        String trigger = "simulated_fault_" + sub.replaceAll("[^A-Za-z0-9]", "_");
        String peeringId = single("select id from peering where subscription_id = ?", sub);
        sql("create function " + trigger + "() returns trigger language plpgsql as $$ begin"
                + " raise exception 'simulated fault (DeadLetterReplayIT): connection % refused', new.id; end $$");
        sql("create trigger " + trigger + " before update on peering_connection for each row when"
                + " (new.peering_id = '" + peeringId + "' and new.connection_state = 'Approved')"
                + " execute function " + trigger + "()");

        connectionEvent(
                ConnectionEvent.STATE_CHANGED, sub, path, "c1", "PendingApproval", "Approved", null, null, null);
        String subject = path + "/connections/c1";
        Map<String, Object> deadLetter = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> recordAbout(subject), r -> r != null);
        String id = (String) deadLetter.get("id");
        String eventId = (String) deadLetter.get("eventId");
        assertEquals(ConnectionEvent.STATE_CHANGED, deadLetter.get("eventType"));
        assertEquals("peering.connection-events", deadLetter.get("originalTopic"));
        assertNotNull(deadLetter.get("reason"), "the connector's dead-letter-reason header");
        assertFalse((Boolean) deadLetter.get("applied"));
        assertFalse(deadLetter.containsKey("value"), "a list leaves the values out");
        get(path).body("properties.direct.connections[0].connectionState", equalTo("PendingApproval"));

        JsonPath shown =
                given().get(DLQ + "/" + id).then().statusCode(200).extract().jsonPath();
        assertTrue(shown.getString("value").contains(eventId));

        // still broken: the replay fails, changes nothing, and the record stays replayable
        given().queryParam("record", id)
                .post(DLQ + "/replay")
                .then()
                .statusCode(200)
                .body("value[0].outcome", equalTo("failed"));
        assertEquals(
                "0",
                single("select count(*) from consumed_event where consumer = ? and event_id = ?", CONSUMER, eventId));

        sql("drop trigger " + trigger + " on peering_connection");
        sql("drop function " + trigger + "()");
        given().queryParam("record", id)
                .post(DLQ + "/replay")
                .then()
                .statusCode(200)
                .body("value[0].id", equalTo(id))
                .body("value[0].eventId", equalTo(eventId))
                .body("value[0].outcome", equalTo("applied"));
        get(path).body("properties.direct.connections[0].connectionState", equalTo("Approved"));

        // again, one record and all of them: the event id was applied, so nothing is applied twice
        given().queryParam("record", id)
                .post(DLQ + "/replay")
                .then()
                .statusCode(200)
                .body("value[0].outcome", equalTo("alreadyApplied"));
        List<Map<String, Object>> all = given().post(DLQ + "/replay")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("value");
        assertEquals(
                List.of("alreadyApplied"),
                all.stream()
                        .filter(o -> id.equals(o.get("id")))
                        .map(o -> o.get("outcome"))
                        .toList());
        assertEquals(
                "1",
                single("select count(*) from consumed_event where consumer = ? and event_id = ?", CONSUMER, eventId));
        given().get(DLQ + "/" + id).then().statusCode(200).body("applied", equalTo(true));
    }

    @Test
    void onlyTheOperatorReadsDeadLettersAndBadNamesAreArmErrors() {
        given().header("Authorization", TestTokens.peer("contoso-sub-01"))
                .get(DLQ)
                .then()
                .statusCode(403)
                .body("error.code", equalTo("AuthorizationFailed"));
        given().get("/deadLetters/peering-service")
                .then()
                .statusCode(200)
                .body("value.channel", org.hamcrest.Matchers.hasItems("connection-events", "peer-asn-events"))
                .body("value.replayable", org.hamcrest.Matchers.everyItem(equalTo(true)));
        given().get("/deadLetters/connection-service/peering-events")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("ResourceNotFound"));
        given().get("/deadLetters/peering-service/no-such-channel")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("ResourceNotFound"));
        given().get(DLQ + "/twelve").then().statusCode(400).body("error.code", equalTo("InvalidDeadLetterId"));
        given().get(DLQ + "/0-999999999").then().statusCode(404).body("error.code", equalTo("ResourceNotFound"));
        given().queryParam("record", "x-1")
                .post(DLQ + "/replay")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("InvalidDeadLetterId"));
    }

    private Map<String, Object> recordAbout(String subject) {
        List<Map<String, Object>> records =
                given().get(DLQ).then().statusCode(200).extract().jsonPath().getList("value");
        return records.stream()
                .filter(r -> subject.equals(r.get("subject")))
                .findFirst()
                .orElse(null);
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private String single(String query, String... params) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
