package dev.peering.connection;

import static dev.peering.connection.Fixtures.api;

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
 * 250 generated hostile requests (-Dhostile.requests=N for more) against the connection operations, each one change away from a request
 * that succeeds on a peering that exists (so they reach the checks behind "the peering exists"): no 5xx,
 * always the ARM body, nothing stored; and changed bodies reach the connection rules. Replay a run with
 * {@code -Dhostile.seed=<the printed seed>}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class HostileInputIT {

    // CI's share of the attack; a deeper run: -Dhostile.requests=5000 (the seed's first 250 are the same).
    static final int REQUESTS = 250;

    // Fixed, so that CI replays the same requests; -Dhostile.seed=<seed> explores others.
    static final long SEED = 4069344975125717174L;

    static final String ADD_BODY =
            """
            {"peeringDBFacilityId":%d,"bandwidthInMbps":10000,"sessionAddressProvider":"Peer",
             "bgpSession":{"sessionPrefixV4":"206.81.80.0/22","microsoftSessionIPv4Address":"206.81.80.30",
              "peerSessionIPv4Address":"206.81.83.250","maxPrefixesAdvertisedV4":1000,
              "md5AuthenticationKey":"s3cr3t-md5-key"}}"""
                    .formatted(Fixtures.FACILITY);
    static final String SESSION_BODY =
            """
            {"bgpSession":{"sessionPrefixV6":"2001:504:16::/64","microsoftSessionIPv6Address":"2001:504:16::1f9b",
              "peerSessionIPv6Address":"{peerV6}","maxPrefixesAdvertisedV6":100}}""";

    @Test
    void hostileRequestsNeverBreakTheService() {
        // one real peering: its subscription stays in every path, only the connection's name changes
        Fixtures f = new Fixtures().created();
        String item = f.connectionsPath().replace(f.sub, "{sub}") + "/{name}";
        List<Target> targets = List.of(
                new Target("PUT", item, ADD_BODY, HostileInput.storedAt(item))
                        .named("PUT connection")
                        .at(HostileInput.freshIn(f.sub)),
                new Target("PATCH", item, SESSION_BODY, null)
                        .named("PATCH connection (add IPv6 session)")
                        .at(HostileInput.prepared(
                                random -> active(f, random, false).with("peerV6", Fixtures.nextPeerV6()))),
                new Target("DELETE", item + "?confirm=yes", null, null)
                        .named("DELETE connection")
                        .at(HostileInput.prepared(random -> pending(f, random))),
                new Target("POST", item + "/fail", "{\"reason\":\"x\"}", null)
                        .named("POST fail")
                        .at(HostileInput.prepared(random -> pending(f, random)))
                        .forOperatorOnly(),
                new Target("POST", item + "/block", "{\"reason\":\"x\"}", null)
                        .named("POST block")
                        .at(HostileInput.prepared(random -> pending(f, random)))
                        .forOperatorOnly(),
                new Target("POST", item + "/removeSession?family=IPv6", null, null)
                        .named("POST removeSession")
                        .at(HostileInput.prepared(random -> active(f, random, true)))
                        .forOperatorOnly());
        HostileInput.attack(targets, HostileInput.requests(REQUESTS), SEED, true);
    }

    /** A connection just added to the peering: PendingApproval. */
    private static Place pending(Fixtures f, Random random) {
        Place place = HostileInput.freshIn(f.sub).next(random);
        api().body(ConnectionModifyIT.body(Fixtures.nextPeerV4(), null))
                .put(f.path(place.name()))
                .then()
                .statusCode(201);
        return place;
    }

    /** An Active connection with an established IPv4 session, and an IPv6 one when {@code dual}. */
    private static Place active(Fixtures f, Random random, boolean dual) {
        Place place = HostileInput.freshIn(f.sub).next(random);
        api().body(ConnectionModifyIT.body(Fixtures.nextPeerV4(), dual ? Fixtures.nextPeerV6() : null))
                .put(f.path(place.name()))
                .then()
                .statusCode(201);
        f.operator(place.name(), "approve", 200);
        f.awaitField(place.name(), "bgpSession.sessionStateV4", "Established");
        if (dual) {
            f.awaitField(place.name(), "bgpSession.sessionStateV6", "Established");
        }
        f.awaitState(place.name(), "Active");
        return place;
    }
}
