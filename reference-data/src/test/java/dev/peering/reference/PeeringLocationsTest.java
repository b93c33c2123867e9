package dev.peering.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.reference.net.Cidr;
import org.junit.jupiter.api.Test;

class PeeringLocationsTest {

    private final PeeringLocations locations = PeeringLocations.load();

    @Test
    void shipsAtLeastFiveMetrosWithTheirSource() {
        assertTrue(locations.all().size() >= 5);
        assertTrue(locations.source().contains("PeeringDB"));
    }

    @Test
    void metroLookupIgnoresCase() {
        assertEquals("Seattle", locations.location("sEaTtLe").orElseThrow().peeringLocation());
        assertFalse(locations.location("Atlantis").isPresent());
        assertFalse(locations.location(null).isPresent());
    }

    @Test
    void facilityKnowsItsMetroAndExchangeLan() {
        Facility six = locations.facility(143).orElseThrow();
        assertEquals("Seattle", six.peeringLocation());
        assertEquals("206.81.80.0/22", six.exchangePrefixesV4().get(0));
        assertEquals("2001:504:16::/64", six.exchangePrefixesV6().get(0));
        assertFalse(locations.facility(99999).isPresent());
    }

    @Test
    void everyMicrosoftAddressIsAHostOfItsExchangeLan() {
        for (PeeringLocation location : locations.all()) {
            for (Facility f : location.facilities()) {
                assertFalse(f.bandwidthOffersMbps().isEmpty(), f.facilityName());
                for (String address : f.microsoftIPv4Addresses()) {
                    assertTrue(insideAsHost(f.exchangePrefixesV4(), address), f.facilityName() + " " + address);
                }
                for (String address : f.microsoftIPv6Addresses()) {
                    assertTrue(insideAsHost(f.exchangePrefixesV6(), address), f.facilityName() + " " + address);
                }
            }
        }
    }

    private static boolean insideAsHost(java.util.List<String> prefixes, String address) {
        Cidr.Address a = Cidr.parseAddress(address);
        return prefixes.stream().map(Cidr::parse).anyMatch(p -> p.contains(a) && !p.isNetwork(a) && !p.isBroadcast(a));
    }
}
