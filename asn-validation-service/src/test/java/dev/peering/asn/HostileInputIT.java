package dev.peering.asn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.testsupport.HostileInput;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 1,200 generated hostile requests against every operation: no 5xx, always the ARM body, nothing stored. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class HostileInputIT {

    static final String ITEM = "/subscriptions/{sub}/providers/Microsoft.Peering/peerAsns/{name}";

    @Test
    void hostileRequestsNeverBreakTheService() {
        String body = PeerAsnApiIT.body(3356, "Contoso");
        List<HostileInput.Target> targets = List.of(
                new HostileInput.Target("PUT", ITEM, body, HostileInput.storedAt(ITEM)),
                new HostileInput.Target("GET", ITEM, null, null),
                new HostileInput.Target("GET", "/subscriptions/{sub}/providers/Microsoft.Peering/peerAsns", null, null),
                new HostileInput.Target("DELETE", ITEM, null, null),
                new HostileInput.Target("POST", ITEM + "/approve", null, null),
                new HostileInput.Target("POST", ITEM + "/reject", "{\"reason\":\"bad\"}", null));
        HostileInput.Outcome outcome = HostileInput.attack(targets, 1200, 20261125L);
        assertTrue(outcome.statuses().keySet().stream().allMatch(s -> s < 500), outcome.toString());
    }
}
