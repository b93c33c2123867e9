package dev.peering.peerings.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.core.ArmException;
import dev.peering.reference.PeeringLocations;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PeeringRulesTest {

    static void assertNames(String field, Executable action) {
        ArmException e = assertThrows(ArmException.class, action);
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("'" + field + "'"), e.getMessage());
    }

    @Test
    void basicsOfARouteServerPeering() {
        assertDoesNotThrow(() -> PeeringRules.requireKind("Direct"));
        assertNames("kind", () -> PeeringRules.requireKind("Exchange"));
        assertNames("kind", () -> PeeringRules.requireKind(null));
        assertDoesNotThrow(() -> PeeringRules.requireSku("Premium_Direct_Free"));
        assertNames("sku.name", () -> PeeringRules.requireSku("Basic_Direct_Free"));
        assertDoesNotThrow(() -> PeeringRules.requireDirectPeeringType("IxRs"));
        assertNames("properties.direct.directPeeringType", () -> PeeringRules.requireDirectPeeringType("Edge"));
        assertNames("location", () -> PeeringRules.requireLocation(""));
        assertDoesNotThrow(() -> PeeringRules.requireLocation("westus2"));
    }

    @Test
    void peeringLocationIsAKnownMetroInItsCanonicalSpelling() {
        PeeringLocations locations = PeeringLocations.load();
        assertEquals("Seattle", PeeringRules.requirePeeringLocation(locations, "seattle"));
        assertNames("properties.peeringLocation", () -> PeeringRules.requirePeeringLocation(locations, "Atlantis"));
        assertNames("properties.peeringLocation", () -> PeeringRules.requirePeeringLocation(locations, null));
    }

    @Test
    void peerAsnIdNamesAPeerAsnOfTheSameSubscription() {
        String id = "/subscriptions/sub1/providers/Microsoft.Peering/peerAsns/contoso";
        assertEquals(id, PeeringRules.requirePeerAsnId("sub1", id));
        assertDoesNotThrow(() -> PeeringRules.requirePeerAsnId("SUB1", id.toLowerCase()));
        assertNames("properties.direct.peerAsn.id", () -> PeeringRules.requirePeerAsnId("sub2", id));
        assertNames("properties.direct.peerAsn.id", () -> PeeringRules.requirePeerAsnId("sub1", "contoso"));
        assertNames("properties.direct.peerAsn.id", () -> PeeringRules.requirePeerAsnId("sub1", null));
    }

    @Test
    void theMd5KeyIsCheckedWithoutBeingEchoed() {
        assertDoesNotThrow(() -> PeeringRules.requireMd5Key("c", "S3cr3t!"));
        assertDoesNotThrow(() -> PeeringRules.requireMd5Key("c", null));
        ArmException e = assertThrows(ArmException.class, () -> PeeringRules.requireMd5Key("c", "has space"));
        assertTrue(e.getMessage().startsWith("'c.bgpSession.md5AuthenticationKey'"));
        assertFalse(e.getMessage().contains("has space"));
        assertNames("c.bgpSession.md5AuthenticationKey", () -> PeeringRules.requireMd5Key("c", "x".repeat(81)));
    }

    @Test
    void tagsAreBounded() {
        assertEquals(Map.of(), PeeringRules.requireTags(null));
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= PeeringRules.MAX_TAGS; i++) {
            many.put("t" + i, "v");
        }
        assertNames("tags", () -> PeeringRules.requireTags(many));
        assertNames("tags.k", () -> PeeringRules.requireTags(Map.of("k", "v".repeat(257))));
    }

    @Test
    void connectionIdentifiersAreSafeNames() {
        assertDoesNotThrow(() -> PeeringRules.requireConnectionIdentifier("c", "5F4CB5C7-6B43-4444-9338-9ABC72606C16"));
        assertNames("c.connectionIdentifier", () -> PeeringRules.requireConnectionIdentifier("c", "a/b"));
        assertNames("c.connectionIdentifier", () -> PeeringRules.requireConnectionIdentifier("c", ""));
    }
}
