package dev.peering.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Data of the events on the connection topic: one connection changed its connectionState or one of
 * its BGP session states, or was removed. The record key is the peering's ARM resource id (so all
 * events of one peering stay in order); the CloudEvent subject is the connection's resource id,
 * {@code <peeringId>/connections/<connectionIdentifier>}. {@code connection} is the connection's
 * configuration as it is now (no secrets), so a read model needs no other source.
 *
 * <p>{@code previousConnectionProvisioningState} is set while the connection is in {@code
 * ExternalBlocker}: the state it returns to when unblocked; in {@code ProvisioningFailed}, the state the
 * failure interrupted. {@code lastFailureTimeUtc} is the time of
 * the latest {@code ProvisioningFailed}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionEvent(
        String peeringId,
        String subscriptionId,
        String connectionIdentifier,
        int peeringDBFacilityId,
        String previousConnectionState,
        String connectionState,
        String previousSessionStateV4,
        String sessionStateV4,
        String previousSessionStateV6,
        String sessionStateV6,
        Integer provisionedBandwidthInMbps,
        String reason,
        String errorMessage,
        OffsetDateTime changedAt,
        PeeringEvent.Connection connection,
        String previousConnectionProvisioningState,
        OffsetDateTime lastFailureTimeUtc) {

    public static final String STATE_CHANGED = "dev.peering.connection.stateChanged";
    public static final String SESSION_STATE_CHANGED = "dev.peering.connection.sessionStateChanged";
    public static final String REMOVED = "dev.peering.connection.removed";
    /**
     * The connection as it is now, on the compacted state topic {@link Topics#CONNECTIONS_STATE}, keyed by the
     * connection's resource id (not the peering's): no previous states and no reason; {@code changedAt} is its
     * last change.
     */
    public static final String STATE = "dev.peering.connection.state";

    public static final String SOURCE = "/services/connection-service";
}
