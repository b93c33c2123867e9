package dev.peering.connection.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A connection of a peering in the ARM {@code DirectConnection} shape, as sent and as returned.
 * Read-only properties a client sends (connectionState, provisionedBandwidthInMbps, errorMessage,
 * session states, ...) are ignored. {@code md5AuthenticationKey} is accepted and never returned.
 *
 * <p>Beyond the ARM shape: {@code id} (the connection's resource id), {@code
 * previousConnectionProvisioningState} (the state an ExternalBlocker returns to, or the state a
 * ProvisioningFailed interrupted) and {@code
 * lastFailureTimeUtc}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionBody(
        String id,
        Integer bandwidthInMbps,
        Integer provisionedBandwidthInMbps,
        String sessionAddressProvider,
        Boolean useForPeeringService,
        String microsoftTrackingId,
        Integer peeringDBFacilityId,
        String connectionState,
        BgpSession bgpSession,
        String connectionIdentifier,
        String errorMessage,
        String previousConnectionProvisioningState,
        OffsetDateTime lastFailureTimeUtc) {

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
