package dev.peering.peerings;

import dev.peering.testsupport.arch.HousePlan;
import org.junit.jupiter.api.Test;

/** The house plan (docs/adr/0001-house-plan.md) holds for this service's production classes. */
class HousePlanTest {

    @Test
    void everyClassIsOnItsFloorAndImportsOnlyTheFloorsBelow() {
        HousePlan.check("dev.peering.peerings");
    }
}
