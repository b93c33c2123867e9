package dev.peering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ConnectionSpecTest {

    @Test
    void shortKeysBecomeTheArmDirectConnectionShape() {
        ObjectNode c = ConnectionSpec.parse(
                "facility=143, bandwidth=10000,peer-v4=206.81.80.40,microsoft-v4=206.81.80.30,prefix-v4=206.81.80.0/22,max-v4=1000",
                () -> "NEW-ID");

        assertEquals(143, c.get("peeringDBFacilityId").intValue());
        assertEquals(10000, c.get("bandwidthInMbps").intValue());
        assertEquals("Peer", c.get("sessionAddressProvider").asText());
        assertFalse(c.get("useForPeeringService").booleanValue());
        assertEquals("NEW-ID", c.get("connectionIdentifier").asText());
        assertEquals("206.81.80.40", c.at("/bgpSession/peerSessionIPv4Address").asText());
        assertEquals(
                "206.81.80.30", c.at("/bgpSession/microsoftSessionIPv4Address").asText());
        assertEquals("206.81.80.0/22", c.at("/bgpSession/sessionPrefixV4").asText());
        assertEquals(1000, c.at("/bgpSession/maxPrefixesAdvertisedV4").intValue());
        assertFalse(c.has("peerSessionIPv4Address"), "session fields belong in bgpSession");
    }

    @Test
    void armNamesAreAcceptedInAnyCaseAndGivenValuesWin() {
        ObjectNode c = ConnectionSpec.parse(
                "peeringDBFacilityId=9,BANDWIDTHINMBPS=100000,connectionIdentifier=abc,useForPeeringService=true,"
                        + "peerSessionIPv6Address=2001:504:16::2",
                () -> "unused");

        assertEquals(9, c.get("peeringDBFacilityId").intValue());
        assertEquals("abc", c.get("connectionIdentifier").asText());
        assertTrue(c.get("useForPeeringService").booleanValue());
        assertEquals(
                "2001:504:16::2", c.at("/bgpSession/peerSessionIPv6Address").asText());
    }

    @Test
    void aFreshIdentifierIsAnUpperCaseUuid() {
        String id = ConnectionSpec.parse("facility=1,bandwidth=10000")
                .get("connectionIdentifier")
                .asText();
        assertTrue(id.matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"), id);
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhatToFix() {
        assertUsage("facility=1,bandwidth=10000,colour=red", "unknown key 'colour'");
        assertUsage("facility=1", "needs bandwidthInMbps");
        assertUsage("bandwidth=10000", "needs peeringDBFacilityId");
        assertUsage("facility=one,bandwidth=10000", "'one' is not a whole number");
        assertUsage("facility=1,bandwidth=10000,peering-service=maybe", "not true or false");
        assertUsage("facility=1,bandwidth=10000,facility=2", "given twice");
        assertUsage("facility", "is not key=value");
        assertUsage(" ", "is empty");
    }

    private static void assertUsage(String spec, String expected) {
        CliFailure f = assertThrows(CliFailure.class, () -> ConnectionSpec.parse(spec, () -> "id"));
        assertEquals(ExitCodes.USAGE, f.exitCode());
        assertTrue(f.getMessage().contains(expected), f.getMessage());
    }
}
