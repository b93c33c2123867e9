package dev.peering.connection;

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

    @Test
    void hostileRequestsNeverBreakTheService() {
        // one real peering, so that requests reach the checks behind "the peering exists"
        Fixtures f = new Fixtures().created();
        String item = f.connectionsPath().replace(f.sub, "{sub}") + "/{name}";
        String body =
                """
                {"peeringDBFacilityId":%d,"bandwidthInMbps":10000,"sessionAddressProvider":"Peer",
                 "bgpSession":{"sessionPrefixV4":"206.81.80.0/22","microsoftSessionIPv4Address":"206.81.80.30",
                  "peerSessionIPv4Address":"206.81.83.250","maxPrefixesAdvertisedV4":1000}}"""
                        .formatted(Fixtures.FACILITY);
        List<HostileInput.Target> targets = List.of(
                new HostileInput.Target("PUT", item, body, null),
                new HostileInput.Target(
                        "PATCH", item, "{\"bgpSession\":{\"sessionPrefixV6\":\"2001:504:16::/64\"}}", null),
                new HostileInput.Target("DELETE", item, null, null),
                new HostileInput.Target("POST", item + "/fail", "{\"reason\":\"x\"}", null),
                new HostileInput.Target("POST", item + "/block", "{\"reason\":\"x\"}", null),
                new HostileInput.Target("POST", item + "/removeSession?family=IPv6", null, null));
        HostileInput.attack(targets, 1200, 20261125L);
    }
}
