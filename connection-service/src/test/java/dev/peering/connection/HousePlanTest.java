package dev.peering.connection;

import dev.peering.testsupport.arch.HousePlan;
import org.junit.jupiter.api.Test;

/** The service follows the house plan (docs/adr/0001-house-plan.md): each floor imports only those below. */
class HousePlanTest {

    @Test
    void followsTheHousePlan() {
        HousePlan.check("dev.peering.connection");
    }
}
