package dev.peering.peerings.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The ARM {@code Peering} resource, as sent and as returned. Read-only properties a client sends
 * (id, name, type, provisioningState, connectionState, session states) are ignored; the write-only
 * {@code md5AuthenticationKey} is read from requests and never set on a response.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeeringBody(
        Sku sku,
        String kind,
        Properties properties,
        String location,
        Map<String, String> tags,
        String name,
        String id,
        String type) {

    public static final String TYPE = "Microsoft.Peering/peerings";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sku(String name, String tier, String family, String size) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Properties(
            Direct direct, JsonNode exchange, String peeringLocation, String provisioningState, String errorMessage) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Direct(
            List<Connection> connections,
            Boolean useForPeeringService,
            SubResource peerAsn,
            String directPeeringType) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubResource(String id) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Connection(
            Integer bandwidthInMbps,
            Integer provisionedBandwidthInMbps,
            String sessionAddressProvider,
            Boolean useForPeeringService,
            String microsoftTrackingId,
            Integer peeringDBFacilityId,
            String connectionState,
            BgpSession bgpSession,
            String connectionIdentifier,
            String errorMessage) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BgpSession(
            String sessionPrefixV4,
            String sessionPrefixV6,
            String microsoftSessionIPv4Address,
            String microsoftSessionIPv6Address,
            String peerSessionIPv4Address,
            String peerSessionIPv6Address,
            String sessionStateV4,
            String sessionStateV6,
            Integer maxPrefixesAdvertisedV4,
            Integer maxPrefixesAdvertisedV6,
            String md5AuthenticationKey) {}
}
