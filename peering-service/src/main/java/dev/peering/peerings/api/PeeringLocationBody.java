package dev.peering.peerings.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The ARM {@code PeeringLocation} resource. Each facility also carries, beyond the ARM shape, what a
 * peer needs to configure its sessions: the exchange, its peering LAN prefixes and Microsoft's addresses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeeringLocationBody(String kind, Properties properties, String name, String id, String type) {

    public static final String TYPE = "Microsoft.Peering/peeringLocations";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Properties(
            Direct direct, Exchange exchange, String peeringLocation, String country, String azureRegion) {}

    public record Direct(List<Facility> peeringFacilities, List<BandwidthOffer> bandwidthOffers) {}

    public record Facility(
            String address,
            String directPeeringType,
            int peeringDBFacilityId,
            String peeringDBFacilityLink,
            String facilityName,
            String exchangeName,
            List<String> exchangePrefixesV4,
            List<String> exchangePrefixesV6,
            List<String> microsoftIPv4Addresses,
            List<String> microsoftIPv6Addresses,
            List<Integer> bandwidthOffersMbps) {}

    public record BandwidthOffer(String offerName, int valueInMbps) {}

    /** {@code kind=Exchange}: the same facilities in ARM's {@code ExchangePeeringFacility} shape. */
    public record Exchange(List<ExchangeFacility> peeringFacilities) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExchangeFacility(
            String exchangeName,
            int bandwidthInMbps,
            String microsoftIPv4Address,
            String microsoftIPv6Address,
            String facilityIPv4Prefix,
            String facilityIPv6Prefix,
            int peeringDBFacilityId,
            String peeringDBFacilityLink) {}
}
