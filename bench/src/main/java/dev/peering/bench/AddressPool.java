package dev.peering.bench;

import dev.peering.reference.Facility;
import dev.peering.reference.PeeringLocation;
import dev.peering.reference.PeeringLocations;
import dev.peering.reference.net.Cidr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Peer session addresses for the workflows' connections. connection-service refuses a peer address
 * that another live connection at the same facility uses, so every connection of a run takes an
 * address of its own per facility, from the exchange LANs of the reference data (every metro, every
 * facility). Both connections of one peering are in one metro, as the peering's peeringLocation says.
 */
public final class AddressPool {

    /** Low host numbers are left to the route servers and the Microsoft addresses. */
    static final int FIRST_HOST = 64;

    /** One connection's place: its metro, facility, LAN and addresses. */
    public record Slot(
            String peeringLocation,
            String azureRegion,
            int facilityId,
            String sessionPrefixV4,
            String microsoftIPv4,
            String peerIPv4) {}

    /** The two connections of one workflow. */
    public record Pair(Slot first, Slot second) {}

    private record Metro(PeeringLocation location, List<Facility> facilities, List<Cidr> lans, long hosts) {}

    private final List<Metro> metros = new ArrayList<>();
    private int metro;
    private long nextIndex;

    public AddressPool(PeeringLocations locations) {
        for (PeeringLocation location : locations.all()) {
            List<Facility> usable = location.facilities().stream()
                    .filter(f -> !f.exchangePrefixesV4().isEmpty()
                            && !f.microsoftIPv4Addresses().isEmpty())
                    .toList();
            if (usable.isEmpty()) {
                continue;
            }
            long hosts = usable.stream()
                    .mapToLong(f -> hostCount(Cidr.parse(f.exchangePrefixesV4().get(0))))
                    .min()
                    .orElse(0);
            List<Cidr> lans = usable.stream()
                    .map(f -> Cidr.parse(f.exchangePrefixesV4().get(0)))
                    .toList();
            metros.add(new Metro(location, usable, lans, hosts));
        }
    }

    public static AddressPool fromReferenceData() {
        return new AddressPool(PeeringLocations.load());
    }

    private static long hostCount(Cidr lan) {
        return (1L << (32 - lan.prefixLength())) - 1 - FIRST_HOST;
    }

    /** How many workflows (two connections each) the pool can still serve, at most (a few addresses are skipped). */
    public synchronized long remainingPairs() {
        long total = 0;
        for (int m = metro; m < metros.size(); m++) {
            Metro candidate = metros.get(m);
            long slots = candidate.hosts() * candidate.facilities().size();
            long used = m == metro ? nextIndex : 0;
            total += (slots - used) / 2;
        }
        return total;
    }

    /** Two slots in one metro never handed out before; empty when the pool is used up. */
    public synchronized Optional<Pair> next() {
        while (metro < metros.size()) {
            Metro current = metros.get(metro);
            long slots = current.hosts() * current.facilities().size();
            Optional<Slot> first = Optional.empty();
            while (nextIndex < slots) {
                Optional<Slot> slot = slot(current, nextIndex++);
                if (slot.isEmpty()) {
                    continue;
                }
                if (first.isEmpty()) {
                    first = slot;
                } else {
                    return Optional.of(new Pair(first.get(), slot.get()));
                }
            }
            metro++;
            nextIndex = 0;
        }
        return Optional.empty();
    }

    /** Slot {@code index} of a metro: facilities alternate, hosts count up from {@link #FIRST_HOST}. */
    private static Optional<Slot> slot(Metro metro, long index) {
        Facility facility =
                metro.facilities().get((int) (index % metro.facilities().size()));
        long host = FIRST_HOST + index / metro.facilities().size();
        Cidr lan = Cidr.parse(facility.exchangePrefixesV4().get(0));
        BigInteger network = Cidr.parseAddress(lan.network()).value();
        Cidr.Address address = new Cidr.Address(Cidr.Family.IPV4, network.add(BigInteger.valueOf(host)));
        if (!lan.contains(address)
                || lan.isBroadcast(address)
                || facility.microsoftIPv4Addresses().contains(address.toString())) {
            return Optional.empty();
        }
        return Optional.of(new Slot(
                metro.location().peeringLocation(),
                metro.location().azureRegion(),
                facility.peeringDBFacilityId(),
                facility.exchangePrefixesV4().get(0),
                facility.microsoftIPv4Addresses().get(0),
                address.toString()));
    }
}
