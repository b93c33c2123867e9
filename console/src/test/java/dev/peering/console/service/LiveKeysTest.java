package dev.peering.console.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LiveKeysTest {

    static final String PEERING = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerings/ix";

    @Test
    void everySubjectBelowAPeeringIsThatPeeringsEvent() {
        assertEquals(PEERING, LiveKeys.peeringOf(PEERING + "/connections/sea-v4"));
        assertEquals(PEERING, LiveKeys.peeringOf(PEERING + "/registeredAsns/fabrikam"));
        assertEquals(PEERING, LiveKeys.peeringOf(PEERING));
        assertNull(LiveKeys.peeringOf("/subscriptions/s1/providers/Microsoft.Peering/peerAsns/contoso"));
        assertEquals(LiveKeys.peering(PEERING), LiveKeys.peering(PEERING.toLowerCase()));
        assertNotEquals(LiveKeys.peering(PEERING), LiveKeys.peering(PEERING + "2"));
    }

    @Test
    void anErrorNamesTheFormFieldItIsAbout() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArmResult connection = new ArmResult(
                400,
                json.readTree(
                        """
                {"error":{"code":"InvalidRequestContent","message":"'properties.direct.connections[1].bgpSession.peerSessionIPv4Address' is not a valid IP address (was 'x')."}}"""));
        assertEquals("c1.peerSessionIPv4Address", connection.errorField());
        ArmResult peerName = new ArmResult(
                400,
                json.readTree(
                        """
                {"error":{"code":"InvalidRequestContent","message":"'properties.peerName' is required."}}"""));
        assertEquals("peerName", peerName.errorField());
        ArmResult none = new ArmResult(
                409,
                json.readTree(
                        """
                {"error":{"code":"DeprovisionNotAllowed","message":"To deprovision, contact Microsoft peering"}}"""));
        assertEquals("", none.errorField());
        assertEquals("DeprovisionNotAllowed", none.errorCode());
    }
}
