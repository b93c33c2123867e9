package dev.peering.asn;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.asn.service.PeerAsnService;
import dev.peering.testsupport.AdjustableTimeSource;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.Scrape;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The approval schedule lives in the database and is claimed with row locks: several deciders at once
 * (as several instances would run) decide each PeerAsn exactly once.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class ApprovalSchedulerIT {

    @Inject
    PeerAsnService service;

    @Test
    void concurrentDecidersDecideEachPeerAsnOnce() throws Exception {
        String sub = "sub-" + UUID.randomUUID();
        int count = 60;
        double decidedBefore = Scrape.value("peering_peer_asn_approval_delay_seconds_count");
        double delayBefore = Scrape.value("peering_peer_asn_approval_delay_seconds_sum");
        for (int i = 0; i < count; i++) {
            given().queryParam("api-version", "2022-10-01")
                    .contentType(ContentType.JSON)
                    .body(PeerAsnApiIT.body(200_000 + i, "Contoso"))
                    .put("/subscriptions/" + sub + "/providers/Microsoft.Peering/peerAsns/asn" + i)
                    .then()
                    .statusCode(201);
        }
        AdjustableTimeSource.advance(Duration.ofHours(13));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> deciders = new ArrayList<>();
            Callable<Integer> decider = () -> {
                int decided = 0;
                int n;
                while ((n = service.decideDue(5)) > 0) {
                    decided += n;
                }
                return decided;
            };
            for (int i = 0; i < 4; i++) {
                deciders.add(pool.submit(decider));
            }
            for (Future<Integer> f : deciders) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        try (TopicReader topic = new TopicReader("peering.peer-asn-events")) {
            var decisions = topic.awaitExactly(
                    r -> r.event() != null
                            && sub.equals(r.event().subscription())
                            && r.event().type().equals("dev.peering.peerAsn.validationStateChanged"),
                    count);
            assertEquals(count, decisions.size(), "one decision per PeerAsn, none twice");
            assertEquals(
                    count,
                    decisions.stream().map(r -> r.event().subject()).distinct().count());
        }
        // each decision counted once it committed, with the delay the PeerAsn waited on the service's clock (13 h
        // here, not the milliseconds of wall time); PeerAsns of earlier tests that fell due are counted as well
        double decided = Scrape.value("peering_peer_asn_approval_delay_seconds_count") - decidedBefore;
        double delay = Scrape.value("peering_peer_asn_approval_delay_seconds_sum") - delayBefore;
        assertTrue(decided >= count, "decisions counted: " + decided);
        assertTrue(delay / decided >= Duration.ofHours(12).toSeconds(), "mean approval delay (s): " + delay / decided);
    }
}
