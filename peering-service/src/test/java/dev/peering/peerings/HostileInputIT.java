package dev.peering.peerings;

import dev.peering.testsupport.HostileInput;
import dev.peering.testsupport.HostileInput.Place;
import dev.peering.testsupport.HostileInput.Target;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 400 generated hostile requests (-Dhostile.requests=N for more) against every operation, each one change away from a request that
 * succeeds (the peering's PeerAsn id names the path's subscription, so a body gets past the PeerAsn-id
 * check to the connection, BGP and MD5 checks): no 5xx, always the ARM body, nothing stored; and changed
 * bodies reach the peering rules. Replay a run with {@code -Dhostile.seed=<the printed seed>}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class HostileInputIT {

    // CI's share of the attack; a deeper run: -Dhostile.requests=5000 (the seed's first 400 are the same).
    static final int REQUESTS = 400;

    // Fixed, so that CI replays the same requests; -Dhostile.seed=<seed> explores others.
    static final long SEED = 6905641067650603186L;

    static final String ITEM = "/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Peering/peerings/{name}";

    /** A valid peering of the place's subscription, with an MD5 key so that its check is attacked too. */
    static final String BODY = Fixtures.body(
            Fixtures.peerAsnId("{sub}", "contoso"),
            "Seattle",
            "["
                    + Fixtures.SEATTLE_CONNECTION.replace(
                            "\"maxPrefixesAdvertisedV4\":1000}",
                            "\"maxPrefixesAdvertisedV4\":1000,\"md5AuthenticationKey\":\"s3cr3t-md5-key\"}")
                    + "]");

    @Test
    void hostileRequestsNeverBreakTheService() {
        HostileInput.attack(
                List.of(
                        new Target("PUT", ITEM, BODY, HostileInput.storedAt(ITEM)).named("PUT peering"),
                        new Target("PATCH", ITEM, "{\"tags\":{\"env\":\"prod\"}}", null)
                                .named("PATCH peering (tags)")
                                .at(HostileInput.prepared(HostileInputIT::peering)),
                        new Target("GET", ITEM, null, null)
                                .named("GET peering")
                                .at(HostileInput.prepared(HostileInputIT::peering)),
                        new Target("DELETE", ITEM, null, null).named("DELETE peering (none there)"),
                        new Target("POST", ITEM + "/deprovision", null, null)
                                .named("POST deprovision")
                                .at(HostileInput.prepared(HostileInputIT::peering))
                                .forOperatorOnly(),
                        new Target(
                                        "GET",
                                        "/subscriptions/{sub}/providers/Microsoft.Peering/peeringLocations?kind=Direct",
                                        null,
                                        null)
                                .named("GET peeringLocations"),
                        new Target(
                                        "PUT",
                                        "/subscriptions/{sub}/providers/Microsoft.Peering/peeringServiceAgreement",
                                        null,
                                        null)
                                .named("PUT peeringServiceAgreement")
                                .forOperatorOnly()),
                HostileInput.requests(REQUESTS),
                SEED,
                true);
    }

    /** A peering just created at a new subscription and name. */
    private static Place peering(Random random) {
        Place place = HostileInput.fresh().next(random);
        Fixtures.put(place.fill(ITEM), place.fill(BODY)).statusCode(201);
        return place;
    }
}
