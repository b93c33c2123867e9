package dev.peering.asn;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.peering.events.PeerAsnEvent;
import dev.peering.events.Topics;
import dev.peering.platform.outbox.Outbox;
import dev.peering.testsupport.AdjustableTimeSource;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * The compacted state topic of PeerAsns (ADR 0022): created compacted, one snapshot per change in the
 * transaction of the change, keyed by the PeerAsn, and a tombstone when it is deleted.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class PeerAsnStateTopicIT {

    @Inject
    Outbox outbox;

    @Test
    void eachChangeWritesTheLatestSnapshotAndTheDeletionATombstone() {
        String sub = PeerAsnApiIT.newSubscription();
        String id = PeerAsnApiIT.path(sub) + "/contoso";
        try (TopicReader state = new TopicReader(Topics.PEER_ASNS_STATE);
                TopicReader events = new TopicReader(Topics.PEER_ASN_EVENTS)) {
            PeerAsnApiIT.put(sub, "contoso", PeerAsnApiIT.body(3356, "Contoso")).statusCode(201);
            AdjustableTimeSource.advance(Duration.ofHours(12).plusSeconds(1));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> PeerAsnApiIT.get(sub, "contoso")
                    .body("properties.validationState", equalTo("Approved")));
            given().queryParam("api-version", PeerAsnApiIT.API)
                    .delete(PeerAsnApiIT.path(sub) + "/contoso")
                    .then()
                    .statusCode(200);

            List<TopicReader.Received> snapshots = state.awaitExactly(r -> id.equals(r.key()), 3);
            TopicReader.Received pending = snapshots.get(0);
            assertEquals(PeerAsnEvent.STATE, pending.event().type());
            assertEquals(id, pending.event().subject());
            assertEquals(sub, pending.event().subscription());
            assertEquals(
                    "Pending", pending.event().data().path("validationState").asText());
            // a snapshot says how things are, not how they changed
            assertEquals(
                    true, pending.event().data().path("previousValidationState").isMissingNode());
            assertEquals(
                    "Approved",
                    snapshots.get(1).event().data().path("validationState").asText());
            // the deletion: a tombstone, a null value that compaction turns into "no such PeerAsn"
            assertNull(snapshots.get(2).value(), snapshots.get(2).toString());
            assertNull(snapshots.get(2).headers().get("content-type"));
            // written with the change event of the same transaction: its correlation id
            List<TopicReader.Received> changes = events.awaitSubjectExactly(id, 3);
            assertEquals(changes.get(0).event().correlationid(), pending.event().correlationid());
        }
    }

    @Test
    void theStateTopicIsCompactedAndKeepsNoRetention() throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PEER_ASNS_STATE);
            Config config = admin.describeConfigs(Set.of(topic))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic);
            assertEquals(
                    TopicConfig.CLEANUP_POLICY_COMPACT,
                    config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
            ConfigResource changes = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PEER_ASN_EVENTS);
            assertEquals(
                    TopicConfig.CLEANUP_POLICY_DELETE,
                    admin.describeConfigs(Set.of(changes))
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .get(changes)
                            .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                            .value());
        }
    }

    @Test
    void aSnapshotOrATombstoneOutsideTheTransactionOfAChangeIsRefused() {
        String id = "/subscriptions/sub-" + UUID.randomUUID() + "/providers/Microsoft.Peering/peerAsns/x";
        assertThrows(
                TransactionalException.class,
                () -> outbox.snapshot(Topics.PEER_ASNS_STATE, PeerAsnEvent.STATE, id, "s", "c", Map.of()));
        assertThrows(TransactionalException.class, () -> outbox.tombstone(Topics.PEER_ASNS_STATE, id));
    }
}
