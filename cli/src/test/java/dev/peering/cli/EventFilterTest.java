package dev.peering.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.CloudEvent;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.PeerAsnEvent;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    static final String PEERING_ID = TimelineTest.PEERING_ID;
    final CloudEvent connection = TimelineTest.connectionEvent(
            ConnectionEvent.STATE_CHANGED, "Approved", "ProvisioningStarted", null, null, null);
    final CloudEvent asn = TimelineTest.asnEvent(PeerAsnEvent.CREATED, null, "Pending", null);

    @Test
    void noFilterShowsEverything() {
        assertTrue(new EventFilter(null, null, null).matches(PEERING_ID, connection));
    }

    @Test
    void aPeeringIdShowsItsConnectionsIgnoringCaseButNotAPeeringWithALongerName() {
        assertTrue(new EventFilter(null, PEERING_ID.toUpperCase(), null).matches(PEERING_ID, connection));
        assertTrue(new EventFilter(null, PEERING_ID + "/", null).matches(PEERING_ID, connection));
        assertFalse(new EventFilter(null, PEERING_ID.substring(0, PEERING_ID.length() - 1), null)
                .matches(PEERING_ID, connection));
        assertFalse(new EventFilter(null, PEERING_ID, null).matches(TimelineTest.ASN_ID, asn));
    }

    @Test
    void aConnectionIdShowsOnlyThatConnection() {
        assertTrue(new EventFilter(null, PEERING_ID + "/connections/c1", null).matches(PEERING_ID, connection));
        assertFalse(new EventFilter(null, PEERING_ID + "/connections/C2", null).matches(PEERING_ID, connection));
    }

    @Test
    void correlationAndSubscriptionMustMatchToo() {
        assertTrue(new EventFilter("corr-1", null, "SUB-1").matches(PEERING_ID, connection));
        assertFalse(new EventFilter("corr-2", null, null).matches(PEERING_ID, connection));
        assertFalse(new EventFilter(null, null, "sub-2").matches(PEERING_ID, connection));
        assertFalse(new EventFilter("corr-1", PEERING_ID + "/connections/C2", null).matches(PEERING_ID, connection));
    }

    static String token(String claims) {
        java.util.Base64.Encoder url = java.util.Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"RS256\"}".getBytes()) + "." + url.encodeToString(claims.getBytes())
                + ".signature";
    }

    @Test
    void aPeersTokenShowsOnlyItsOwnSubscriptions() {
        EventFilter all = new EventFilter(null, null, null);
        String peerOfSub1 = token("{\"groups\":[\"peer\"],\"subscriptions\":[\"sub-1\"]}");
        String peerOfSub2 = token("{\"groups\":[\"peer\"],\"subscriptions\":[\"sub-2\",\"sub-3\"]}");
        String operator = token("{\"groups\":[\"operator\"],\"subscriptions\":[]}");
        assertTrue(all.forToken(peerOfSub1).matches(PEERING_ID, connection));
        assertFalse(all.forToken(peerOfSub2).matches(PEERING_ID, connection));
        assertTrue(all.forToken(operator).matches(PEERING_ID, connection));
        assertTrue(all.forToken(null).matches(PEERING_ID, connection));
        assertFalse(all.forToken("not-a-token").matches(PEERING_ID, connection), "unreadable: nothing shown");
    }
}
