package dev.peering.registration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.registration.domain.OriginCheck.Outcome;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginCheckTest {

    private static final Set<Long> REGISTERED = Set.of(13335L, 15169L);

    private static OriginCheck received(String... asPaths) {
        return OriginCheck.judge(new OriginCheck.Received(List.of(asPaths)), REGISTERED);
    }

    @Test
    void theOriginIsTheLastAsnOfThePathAndMustBeRegistered() {
        OriginCheck ok = received("30000 13335", "30000 64500 15169");
        assertEquals(Outcome.ORIGIN_REGISTERED, ok.outcome());
        assertNull(ok.reason());
        // the neighbour (first) being registered does not make a route's origin registered
        OriginCheck other = received("30000 13335", "13335 174");
        assertEquals(Outcome.OTHER_ORIGIN, other.outcome());
        assertTrue(other.reason().contains("origin AS174"), other.reason());
        assertEquals(Outcome.OTHER_ORIGIN, received("").outcome());
    }

    @Test
    void noRouteIsNotAnnouncedAndNoRouterIsNotChecked() {
        assertEquals(Outcome.NOT_ANNOUNCED, received().outcome());
        OriginCheck noRouter = OriginCheck.judge(new OriginCheck.NoRouter("no router here."), REGISTERED);
        assertEquals(Outcome.NOT_CHECKED, noRouter.outcome());
        assertEquals("The origin ASN was not checked: no router here.", noRouter.reason());
        assertEquals(
                Outcome.ASK_AGAIN,
                OriginCheck.judge(new OriginCheck.Unreachable("down"), REGISTERED)
                        .outcome());
    }
}
