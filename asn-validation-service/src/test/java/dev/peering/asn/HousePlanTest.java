package dev.peering.asn;

import dev.peering.testsupport.arch.HousePlan;
import org.junit.jupiter.api.Test;

/** The service keeps the house plan (docs/adr/0001-house-plan.md): each floor imports only floors below it. */
class HousePlanTest {

    @Test
    void followsTheHousePlan() {
        HousePlan.check("dev.peering.asn");
    }
}
