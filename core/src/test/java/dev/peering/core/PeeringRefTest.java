package dev.peering.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PeeringRefTest {

    @Test
    void spellsTheArmResourceIdAndItsChildren() {
        PeeringRef ref = new PeeringRef("sub-1", "rg-1", "seattle");
        assertEquals(
                "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Peering/peerings/seattle",
                ref.resourceId());
        assertEquals(ref.resourceId() + "/registeredAsns/contoso", ref.childId("registeredAsns", "contoso"));
    }
}
