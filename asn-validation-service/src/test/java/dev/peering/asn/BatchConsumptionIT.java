package dev.peering.asn;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.peering.asn.messaging.PeeringEventsConsumer;
import dev.peering.events.EventJson;
import dev.peering.events.PeeringEvent;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import dev.peering.testsupport.TopicWriter;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The inbox consumes a poll's records as one batch: one transaction and one duplicate check for all of
 * them, and a poison record in the middle dead-lettered alone while the good ones around it are applied
 * once, in order. The records of each scenario are written in one produce request, so they reach the
 * consumer in one poll.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class BatchConsumptionIT {

    static final String PEERINGS = "peering.peering-events";
    static final String CONSUMER = "asn-validation-service." + PeeringEventsConsumer.CHANNEL;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Test
    void aPoisonRecordInABatchIsDeadLetteredAloneAndTheGoodOnesAreAppliedOnceInOrder() throws Exception {
        String marker = UUID.randomUUID().toString();
        String key = peering("key-" + marker);
        String p = peering("p-" + marker);
        String q = peering("q-" + marker);
        String asnA = "asn-a-" + marker;
        String asnB = "asn-b-" + marker;
        String e1 = event(PeeringEvent.CREATED, p, asnA);
        String e2 = event(PeeringEvent.CONNECTIONS_REQUESTED, p, asnB);
        String poison = event("dev.peering.peering.somethingNew", p, asnA);
        String e3 = event(PeeringEvent.CREATED, q, asnA);
        String e4 = event(PeeringEvent.DELETED, q, asnA);
        String notJson = "{not json " + marker;
        DistributionSummary sizes = metrics.summary("inbox.batch.size", "consumer", CONSUMER);
        long batchesBefore = sizes.count();
        double eventsBefore = sizes.totalAmount();

        try (TopicReader dlq = new TopicReader("asn-validation-service.peering-events.dlq")) {
            // a duplicate applied again, or any two events swapped, leaves a different final state
            TopicWriter.sendTogether(PEERINGS, key, List.of(e1, e2, e1, poison, e3, e4, e3, notJson));

            var dead = dlq.awaitExactly(r -> key.equals(r.key()), 2);
            assertEquals(
                    Set.of(poison, notJson), dead.stream().map(r -> r.value()).collect(Collectors.toSet()));
            for (var d : dead) {
                assertNotNull(d.headers().get("dead-letter-reason"));
                assertEquals(PEERINGS, d.headers().get("dead-letter-topic"));
                assertNotNull(d.headers().get("dead-letter-partition"));
                assertNotNull(d.headers().get("dead-letter-offset"));
            }
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> transactionsOf(List.of(e1, e2, e3, e4)).size() == 4);
        assertEquals(Map.of(p, asnB), usage(p, q));
        // the seven readable records came as one batch: its one transaction failed on the poison, and its
        // good events were applied one transaction each
        assertEquals(1, sizes.count() - batchesBefore, "batches");
        assertEquals(7, sizes.totalAmount() - eventsBefore, "events in the batch");
        assertEquals(
                4,
                transactionsOf(List.of(e1, e2, e3, e4)).values().stream()
                        .distinct()
                        .count());
    }

    @Test
    void aBatchWithoutPoisonIsAppliedInOneTransactionAndItsDuplicatesAreSkipped() throws Exception {
        String marker = UUID.randomUUID().toString();
        String key = peering("key-" + marker);
        String p = peering("p-" + marker);
        String q = peering("q-" + marker);
        String asnA = "asn-a-" + marker;
        String asnB = "asn-b-" + marker;
        String e1 = event(PeeringEvent.CREATED, p, asnA);
        String e2 = event(PeeringEvent.CREATED, q, asnA);
        TopicWriter.send(PEERINGS, key, e1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> transactionsOf(List.of(e1)).size() == 1);

        String e3 = event(PeeringEvent.CONNECTIONS_REQUESTED, p, asnB);
        String e4 = event(PeeringEvent.DELETED, q, asnA);
        // e1 again (applied by an earlier batch) and e2 twice in the batch: applied again, either would
        // leave its peering on PeerAsn A
        TopicWriter.sendTogether(PEERINGS, key, List.of(e2, e3, e4, e1, e2));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> transactionsOf(List.of(e1, e2, e3, e4)).size() == 4);

        Map<String, Long> tx = transactionsOf(List.of(e2, e3, e4));
        assertEquals(1, tx.values().stream().distinct().count(), "one transaction for the batch: " + tx);
        assertEquals(Map.of(p, asnB), usage(p, q));
    }

    private static String peering(String name) {
        return "/subscriptions/sub-batch/resourceGroups/rg/providers/Microsoft.Peering/peerings/" + name;
    }

    private static String event(String type, String peeringId, String peerAsnId) {
        return EventJson.write(EventJson.newEvent(
                type,
                PeeringEvent.SOURCE,
                peeringId,
                "corr-batch",
                "sub-batch",
                new PeeringEvent(
                        peeringId, "sub-batch", "rg", "p", peerAsnId, "Seattle", null, "Updating", null, List.of())));
    }

    /** Of the events given, those this consumer recorded, with the id of the transaction that recorded each. */
    private Map<String, Long> transactionsOf(List<String> events) throws Exception {
        String[] ids = events.stream().map(e -> EventJson.read(e).id()).toArray(String[]::new);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select event_id, xmin::text::bigint from consumed_event"
                        + " where consumer = ? and event_id = any(?)")) {
            s.setString(1, CONSUMER);
            s.setArray(2, c.createArrayOf("varchar", ids));
            Map<String, Long> recorded = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    recorded.put(rs.getString(1), rs.getLong(2));
                }
            }
            return recorded;
        }
    }

    /** Which PeerAsn each of these peerings uses, as this service's view says. */
    private Map<String, String> usage(String... peeringIds) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select peering_id, peer_asn_id from peering_usage where peering_id = any(?)")) {
            s.setArray(1, c.createArrayOf("varchar", peeringIds));
            Map<String, String> used = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    used.put(rs.getString(1), rs.getString(2));
                }
            }
            return used;
        }
    }
}
