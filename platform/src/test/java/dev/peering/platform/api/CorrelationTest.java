package dev.peering.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    @Test
    void theLogContextNamesTheResourceAPathActsOn() {
        String peerAsn = "/subscriptions/s1/providers/Microsoft.Peering/peerAsns/contoso";
        assertEquals(peerAsn, Correlation.resourceIdOf(peerAsn));
        assertEquals(peerAsn, Correlation.resourceIdOf(peerAsn + "/approve"));
        String connection = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerings/p/connections/c1";
        assertEquals(connection, Correlation.resourceIdOf(connection + "/activate"));
        assertNull(Correlation.resourceIdOf("/subscriptions/s1/providers/Microsoft.Peering/peerAsns"));
        assertNull(Correlation.resourceIdOf("/q/health"));
        assertEquals("s1", Correlation.subscriptionOf(connection));
        assertNull(Correlation.subscriptionOf("/q/metrics"));
    }
}
