package dev.peering.peerings;

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

    static final String ITEM = "/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Peering/peerings/{name}";

    @Test
    void hostileRequestsNeverBreakTheService() {
        String body = Fixtures.body("/subscriptions/{sub}/providers/Microsoft.Peering/peerAsns/contoso");
        HostileInput.attack(
                List.of(
                        new HostileInput.Target("PUT", ITEM, body, HostileInput.storedAt(ITEM)),
                        new HostileInput.Target("PATCH", ITEM, "{\"tags\":{\"env\":\"prod\"}}", null),
                        new HostileInput.Target("GET", ITEM, null, null),
                        new HostileInput.Target("DELETE", ITEM, null, null),
                        new HostileInput.Target("POST", ITEM + "/deprovision", null, null),
                        new HostileInput.Target(
                                "GET", "/subscriptions/{sub}/providers/Microsoft.Peering/peeringLocations", null, null),
                        new HostileInput.Target(
                                "PUT",
                                "/subscriptions/{sub}/providers/Microsoft.Peering/peeringServiceAgreement",
                                null,
                                null)),
                1200,
                20261125L);
    }
}
