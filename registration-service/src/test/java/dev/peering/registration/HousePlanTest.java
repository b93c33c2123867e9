package dev.peering.registration;

import dev.peering.testsupport.arch.HousePlan;
import org.junit.jupiter.api.Test;

/** The service follows the house plan (docs/adr/0001-house-plan.md): each floor imports only the floors below. */
class HousePlanTest {

    @Test
    void theServiceFollowsTheHousePlan() {
        HousePlan.check("dev.peering.registration");
    }
}
