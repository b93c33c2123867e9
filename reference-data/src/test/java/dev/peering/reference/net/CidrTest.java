package dev.peering.reference.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @Test
    void ipv4PrefixHasNetworkBroadcastAndMembers() {
        Cidr six = Cidr.parse("206.81.80.0/22");
        assertEquals(Cidr.Family.IPV4, six.family());
        assertEquals(22, six.prefixLength());
        assertEquals("206.81.80.0", six.network());
        assertEquals("206.81.83.255", six.broadcast());
        assertTrue(six.contains("206.81.81.17"));
        assertTrue(six.contains("206.81.83.255"));
        assertFalse(six.contains("206.81.84.0"));
        assertFalse(six.contains("206.81.79.255"));
        assertEquals("206.81.80.0/22", six.toString());
    }

    @Test
    void ipv6PrefixHasNetworkLastAndMembers() {
        Cidr six = Cidr.parse("2001:504:16::/64");
        assertEquals(Cidr.Family.IPV6, six.family());
        assertEquals("2001:504:16::", six.network());
        assertEquals("2001:504:16:0:ffff:ffff:ffff:ffff", six.broadcast());
        assertTrue(six.contains("2001:504:16::1f9b"));
        assertTrue(six.contains("2001:0504:0016:0000:0000:0000:0000:0001"));
        assertFalse(six.contains("2001:504:17::1"));
    }

    @Test
    void anotherFamilyIsNeverContained() {
        assertFalse(Cidr.parse("0.0.0.0/0").contains("::1"));
        assertFalse(Cidr.parse("::/0").contains("10.0.0.1"));
        assertFalse(Cidr.parse("10.0.0.0/8").contains("not-an-address"));
    }

    @Test
    void prefixContainsNarrowerPrefix() {
        assertTrue(Cidr.parse("80.249.208.0/21").contains(Cidr.parse("80.249.209.0/24")));
        assertFalse(Cidr.parse("80.249.209.0/24").contains(Cidr.parse("80.249.208.0/21")));
    }

    @Test
    void networkAndBroadcastAreRecognised() {
        Cidr net = Cidr.parse("192.0.2.0/24");
        assertTrue(net.isNetwork(Cidr.parseAddress("192.0.2.0")));
        assertTrue(net.isBroadcast(Cidr.parseAddress("192.0.2.255")));
        assertFalse(net.isNetwork(Cidr.parseAddress("192.0.2.1")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "192.0.2.0",
                "192.0.2.0/33",
                "192.0.2.1/24",
                "256.0.2.0/24",
                "192.0.2/24",
                "192.0.2.0/x",
                "192.0.2.0/24/1",
                "example.com/24",
                "2001:db8::/129",
                "2001:db8::1/64",
                "2001:db8:::/64"
            })
    void malformedPrefixesAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
    }

    @Test
    void hostBitsMessageNamesTheNetwork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.1.2.3/8"));
        assertTrue(e.getMessage().contains("10.0.0.0/8"), e.getMessage());
    }

    @Test
    void hostNamesAreNotAddresses() {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parseAddress("localhost"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parseAddress("1.2.3.4.5"));
    }
}
