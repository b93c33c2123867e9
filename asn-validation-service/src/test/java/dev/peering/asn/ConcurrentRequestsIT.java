package dev.peering.asn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many clients creating the same PeerAsn at once (a client retrying a PUT whose answer it lost does this):
 * one creates it and every other one updates it, none is refused (ResourceLocks) and none gets a 5xx.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class ConcurrentRequestsIT {

    @Test
    void concurrentCreatesOfOneNameMakeOneResource() throws Exception {
        String sub = "sub-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            Callable<Integer> create = () -> PeerAsnApiIT.put(sub, "race", PeerAsnApiIT.body(3356, "Contoso"))
                    .extract()
                    .statusCode();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(create));
            }
            int created = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertTrue(status == 201 || status == 200, "status " + status);
                created += status == 201 ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            pool.shutdown();
        }
    }
}
