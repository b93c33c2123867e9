package dev.peering.connection.domain;

import java.time.OffsetDateTime;

/**
 * A connection as its owner reads it: configuration, connectionState and BGP session states.
 *
 * @param id the connection's ARM resource id
 * @param blockedState the state an ExternalBlocker returns to, or the state a ProvisioningFailed interrupted
 *     (previousConnectionProvisioningState); null in every other state
 * @param addresses the BGP session configuration of both families
 */
public record Connection(
        String id,
        String connectionIdentifier,
        int peeringDBFacilityId,
        int bandwidthInMbps,
        int provisionedBandwidthInMbps,
        String sessionAddressProvider,
        boolean useForPeeringService,
        ConnectionState connectionState,
        ConnectionState blockedState,
        SessionAddresses addresses,
        SessionState sessionStateV4,
        SessionState sessionStateV6,
        String errorMessage,
        OffsetDateTime lastFailureTimeUtc) {}
