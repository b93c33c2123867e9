package dev.peering.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.reference.PeeringLocations;
import dev.peering.reference.net.Cidr;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressPoolTest {

    @Test
    void everyConnectionGetsAnAddressOfItsOwnPerFacilityInsideItsLanAndBothOfAPairShareAMetro() {
        PeeringLocations locations = PeeringLocations.load();
        AddressPool pool = new AddressPool(locations);
        long capacity = pool.remainingPairs();
        assertTrue(capacity > 5_000, "capacity " + capacity);
        Set<String> used = new HashSet<>();
        long pairs = 0;
        Optional<AddressPool.Pair> pair;
        while ((pair = pool.next()).isPresent()) {
            pairs++;
            AddressPool.Slot a = pair.get().first();
            AddressPool.Slot b = pair.get().second();
            assertEquals(a.peeringLocation(), b.peeringLocation());
            for (AddressPool.Slot slot : new AddressPool.Slot[] {a, b}) {
                assertTrue(used.add(slot.facilityId() + "/" + slot.peerIPv4()), "reused " + slot);
                assertTrue(Cidr.parse(slot.sessionPrefixV4()).contains(slot.peerIPv4()), slot.toString());
                assertFalse(slot.peerIPv4().equals(slot.microsoftIPv4()), slot.toString());
                assertEquals(
                        slot.peeringLocation(),
                        locations.facility(slot.facilityId()).orElseThrow().peeringLocation());
            }
        }
        // remainingPairs is an upper bound: a Microsoft address or a broadcast address in a LAN is skipped.
        assertTrue(pairs <= capacity && pairs >= capacity - 10, pairs + " of " + capacity);
        assertEquals(0, pool.remainingPairs());
    }
}
