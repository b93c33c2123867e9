package dev.peering.reference;

import java.util.List;

/**
 * A peering facility where the exchange's route server can be reached: its PeeringDB id, the exchange's
 * peering LAN prefixes, the Microsoft session addresses on that LAN and the port speeds on offer.
 */
public record Facility(
        int peeringDBFacilityId,
        String facilityName,
        String address,
        String exchangeName,
        String peeringLocation,
        List<String> exchangePrefixesV4,
        List<String> exchangePrefixesV6,
        List<String> microsoftIPv4Addresses,
        List<String> microsoftIPv6Addresses,
        List<Integer> bandwidthOffersMbps) {

    public Facility {
        exchangePrefixesV4 = List.copyOf(exchangePrefixesV4);
        exchangePrefixesV6 = List.copyOf(exchangePrefixesV6);
        microsoftIPv4Addresses = List.copyOf(microsoftIPv4Addresses);
        microsoftIPv6Addresses = List.copyOf(microsoftIPv6Addresses);
        bandwidthOffersMbps = List.copyOf(bandwidthOffersMbps);
    }

    public String peeringDBFacilityLink() {
        return "https://www.peeringdb.com/fac/" + peeringDBFacilityId;
    }
}
