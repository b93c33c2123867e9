package dev.peering.peerings;

import static dev.peering.peerings.Fixtures.body;
import static dev.peering.peerings.Fixtures.get;
import static dev.peering.peerings.Fixtures.newSubscription;
import static dev.peering.peerings.Fixtures.peerAsnId;
import static dev.peering.peerings.Fixtures.peeringPath;
import static dev.peering.peerings.Fixtures.put;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.CloudEvent;
import dev.peering.events.PeerAsnEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.peerings.persistence.PeerAsnViewRepository;
import dev.peering.peerings.persistence.PeeringRepository;
import dev.peering.testsupport.AdjustableTimeSource;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes across services (issue #12, ADR 0009): a peering may name a PeerAsn whose event has not
 * reached this service yet. It waits for it as for an approval, and fails after the arrival timeout.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class PeerAsnArrivalIT {

    static final Duration TIMEOUT = Duration.ofMinutes(10);

    static TopicReader topic;

    @Inject
    PeeringRepository peerings;

    @Inject
    PeerAsnViewRepository peerAsns;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void readTopic() {
        topic = new TopicReader(Fixtures.PEERING_TOPIC);
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    static List<String> types(List<TopicReader.Received> events) {
        return events.stream().map(r -> r.event().type()).toList();
    }

    @Test
    void aPeerAsnNotKnownYetIsWaitedForAndItsApprovalHandsThePeeringOff() {
        String sub = newSubscription();
        String path = peeringPath(sub, "rg1", "early");
        // sent in another case than the PeerAsn's own spelling: ARM ids compare case-insensitively
        put(path, body(peerAsnId(sub.toUpperCase(Locale.ROOT), "CONTOSO")))
                .statusCode(201)
                .body("properties.provisioningState", equalTo("Updating"))
                .body("properties.errorMessage", nullValue())
                .body("properties.direct.connections[0].connectionState", equalTo("PendingApproval"));
        assertEquals(List.of(PeeringEvent.CREATED), types(topic.awaitSubject(path, 1)));

        Fixtures.approve(sub, "contoso", 3356);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(path)
                .body("properties.provisioningState", equalTo("Succeeded"))
                .body("properties.errorMessage", nullValue())
                // the stored id became the PeerAsn's canonical spelling
                .body("properties.direct.peerAsn.id", equalTo(peerAsnId(sub, "contoso"))));
        List<TopicReader.Received> events = topic.awaitSubject(path, 2);
        assertEquals(List.of(PeeringEvent.CREATED, PeeringEvent.CONNECTIONS_REQUESTED), types(events));
        PeeringEvent requested = events.get(1).event().dataAs(PeeringEvent.class);
        assertEquals(1, requested.connections().size());
        assertEquals(peerAsnId(sub, "contoso"), requested.peerAsnId());
        assertEquals(
                events.get(0).event().correlationid(), events.get(1).event().correlationid());
    }

    @Test
    void aPeerAsnThatArrivesPendingKeepsThePeeringWaitingAndItsFailureFailsIt() {
        String sub = newSubscription();
        String path = peeringPath(sub, "rg1", "early-doomed");
        put(path, body(peerAsnId(sub, "private")))
                .statusCode(201)
                .body("properties.provisioningState", equalTo("Updating"));
        assertNotNull(dueAt(sub, "early-doomed"), "waits for the PeerAsn's arrival");

        Fixtures.pendingPeerAsn(sub, "private", 65000);
        Fixtures.awaitKnown(sub, "private");
        // the PeerAsn is known: the peering now waits on its decision only, with no arrival timeout
        get(path).statusCode(200).body("properties.provisioningState", equalTo("Updating"));
        assertNull(dueAt(sub, "early-doomed"));

        Fixtures.fail(sub, "private", 65000, "ASN 65000 is in a private range.");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(path)
                .body("properties.provisioningState", equalTo("Failed"))
                .body("properties.errorMessage", containsString("AS65000"))
                .body("properties.errorMessage", containsString("private range")));
        List<TopicReader.Received> events = topic.awaitSubject(path, 2);
        assertEquals(List.of(PeeringEvent.CREATED, PeeringEvent.FAILED), types(events));
        PeeringEvent failed = events.get(1).event().dataAs(PeeringEvent.class);
        assertTrue(failed.errorMessage().contains("private range"), failed.errorMessage());
    }

    @Test
    void aPeerAsnThatNeverArrivesFailsThePeeringAfterTheTimeoutSayingWhatToDo() {
        String sub = newSubscription();
        String path = peeringPath(sub, "rg1", "waits-in-vain");
        String ghost = peerAsnId(sub, "ghost");
        put(path, body(ghost)).statusCode(201).body("properties.provisioningState", equalTo("Updating"));

        // short of the timeout nothing happens (the scheduler polls every 200 ms in tests)
        AdjustableTimeSource.advance(TIMEOUT.minusMinutes(1));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> "Updating"
                .equals(get(path).extract().jsonPath().getString("properties.provisioningState")));

        AdjustableTimeSource.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(path)
                .body("properties.provisioningState", equalTo("Failed"))
                .body("properties.errorMessage", containsString("'" + ghost + "'"))
                .body("properties.errorMessage", containsString("asn-validation-service"))
                .body("properties.errorMessage", containsString("create the peering again")));
        List<TopicReader.Received> events = topic.awaitSubject(path, 2);
        assertEquals(List.of(PeeringEvent.CREATED, PeeringEvent.FAILED), types(events));
        PeeringEvent failed = events.get(1).event().dataAs(PeeringEvent.class);
        assertEquals("Failed", failed.provisioningState());
        assertEquals("Updating", failed.previousProvisioningState());
        assertTrue(failed.errorMessage().contains(ghost), failed.errorMessage());
        assertEquals(
                events.get(0).event().correlationid(), events.get(1).event().correlationid());

        // the placeholder row nothing waits on any more is swept
        String lower = ghost.toLowerCase(Locale.ROOT);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        QuarkusTransaction.requiringNew().call(() -> peerAsns.count("peerAsnIdLower", lower)) == 0);
    }

    /**
     * The race the placeholder row closes: a creation that finds no PeerAsn and commits its waiting peering
     * while the PeerAsn's first event is applied. Each pair's event is written while its PUT is in flight
     * (sometimes just before, sometimes just after); every peering must proceed, none wait for the timeout.
     */
    @Test
    void creationsAndThePeerAsnsFirstEventsInterleavedAllProceed() throws Exception {
        String sub = newSubscription();
        int pairs = 50;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < pairs; i++) {
                String name = "asn" + i;
                ProducerRecord<String, String> approved = new ProducerRecord<>(
                        Fixtures.PEER_ASN_TOPIC,
                        peerAsnId(sub, name),
                        Fixtures.peerAsnEvent(
                                PeerAsnEvent.VALIDATION_STATE_CHANGED, sub, name, 3356, "Pending", "Approved", null));
                approved.headers()
                        .add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                if (i % 2 == 0) {
                    producer.send(approved);
                }
                statuses.add(pool.submit(() -> put(peeringPath(sub, "rg1", "p-" + name), body(peerAsnId(sub, name)))
                        .extract()
                        .statusCode()));
                if (i % 2 == 1) {
                    producer.send(approved);
                }
            }
            producer.flush();
            for (Future<Integer> status : statuses) {
                assertEquals(201, status.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            paths.add(peeringPath(sub, "rg1", "p-asn" + i));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> notProceeded = paths.stream()
                    .filter(p ->
                            !"Succeeded".equals(get(p).extract().jsonPath().getString("properties.provisioningState")))
                    .toList();
            assertEquals(List.of(), notProceeded, "peerings that did not proceed");
        });
        // one wait for all pairs' events (a wait per peering polled the topic fifty times)
        java.util.Set<String> subjects = java.util.Set.copyOf(paths);
        List<TopicReader.Received> events = topic.awaitEvents(
                r -> r.event() != null && subjects.contains(r.event().subject()), 2 * pairs);
        for (String path : paths) {
            assertEquals(
                    List.of(PeeringEvent.CREATED, PeeringEvent.CONNECTIONS_REQUESTED),
                    types(events.stream()
                            .filter(r -> path.equals(r.event().subject()))
                            .toList()),
                    path);
        }
    }

    /**
     * The same race made certain: the test holds each peering's unique key in an uncommitted transaction of
     * its own, as a slow database would, so every creation is stalled after it looked up its PeerAsn and
     * before it commits. The PeerAsns' first events are written then. Without the placeholder lock they are
     * applied at once and miss the uncommitted peerings; with it, they wait for the creations.
     */
    @Test
    void aPeerAsnsFirstEventDuringAStalledCreationStillFindsThePeering() throws Exception {
        String sub = newSubscription();
        int pairs = 10;
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            paths.add(peeringPath(sub, "rg1", "stalled-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(pairs);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (Connection hold = dataSource.getConnection();
                Connection look = dataSource.getConnection()) {
            hold.setAutoCommit(false);
            for (int i = 0; i < pairs; i++) {
                holdKey(hold, sub, "stalled-" + i);
            }
            int waitingBefore = lockWaiters(look);
            for (int i = 0; i < pairs; i++) {
                String path = paths.get(i);
                String asn = peerAsnId(sub, "stalled-asn" + i);
                statuses.add(pool.submit(() -> put(path, body(asn)).extract().statusCode()));
            }
            // every creation has looked its PeerAsn up and waits on the held key
            await().atMost(Duration.ofSeconds(30)).until(() -> lockWaiters(look) >= waitingBefore + pairs);
            for (int i = 0; i < pairs; i++) {
                Fixtures.approve(sub, "stalled-asn" + i, 3356);
            }
            // the events are applied (nothing made them wait), or their handler waits on a stalled creation
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> knownPeerAsns(look, sub) == pairs || lockWaiters(look) > waitingBefore + pairs);
            hold.rollback();
            for (Future<Integer> status : statuses) {
                assertEquals(201, status.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> notProceeded = paths.stream()
                    .filter(p ->
                            !"Succeeded".equals(get(p).extract().jsonPath().getString("properties.provisioningState")))
                    .toList();
            assertEquals(List.of(), notProceeded, "peerings that did not proceed");
        });
    }

    /** An uncommitted peering row with the unique key the PUT of {@code name} will need. */
    private static void holdKey(Connection hold, String sub, String name) throws SQLException {
        try (PreparedStatement insert = hold.prepareStatement("insert into peering (id, resource_id, subscription_id,"
                + " resource_group, name, kind, sku_name, location, direct_peering_type, peer_asn_id,"
                + " peering_location, tags, provisioning_state, waiting_on_peer_asn, created_at, updated_at)"
                + " values (?, ?, ?, 'rg1', ?, 'Direct', 'Premium_Direct_Free', 'westus2', 'IxRs', 'held',"
                + " 'Seattle', '{}', 'Updating', false, now(), now())")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, peeringPath(sub, "rg1", name));
            insert.setString(3, sub);
            insert.setString(4, name);
            insert.executeUpdate();
        }
    }

    private static int lockWaiters(Connection look) throws SQLException {
        return count(
                look,
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
                null);
    }

    private static int knownPeerAsns(Connection look, String sub) throws SQLException {
        return count(
                look,
                "select count(*) from peer_asn_view where subscription_id = ? and validation_state <> 'NotYetKnown'",
                sub);
    }

    private static int count(Connection look, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = look.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private java.time.OffsetDateTime dueAt(String sub, String name) {
        return QuarkusTransaction.requiringNew()
                .call(() -> peerings.findByName(sub, "rg1", name).orElseThrow().peerAsnArrivalDueAt);
    }
}
