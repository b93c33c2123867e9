package dev.peering.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class MicrosoftTrackingIdsTest {

    @Test
    void oneIdPerConnectionTheSameWhereverItIsWorkedOut() {
        PeeringRef peering = new PeeringRef("sub", "rg", "ix1");
        String a = peering.childId("connections", "conn-a");
        assertEquals(MicrosoftTrackingIds.of(a), MicrosoftTrackingIds.of(peering.resourceId() + "/connections/conn-a"));
        assertNotEquals(MicrosoftTrackingIds.of(a), MicrosoftTrackingIds.of(peering.childId("connections", "conn-b")));
        assertEquals(41, MicrosoftTrackingIds.of(a).length());
    }
}
