package dev.peering.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Data of the events on the peering topic. The record key and the CloudEvent subject are
 * {@code peeringId}, the peering's ARM resource id, so all events of one peering stay in order.
 *
 * <p>{@code connections} lists the connections the event is about: all of them on {@link #CREATED},
 * the ones to provision on {@link #CONNECTIONS_REQUESTED}, the ones to decommission on
 * {@link #CONNECTION_REMOVAL_REQUESTED}. MD5 keys never travel in events.
 *
 * <p>{@code peerAsn} is the number of the PeerAsn {@code peerAsnId} names, when peering-service knows it
 * (it does once the PeerAsn is Approved, so on {@link #CONNECTIONS_REQUESTED}): a route server's
 * sessions need it (ADR 0014).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeeringEvent(
        String peeringId,
        String subscriptionId,
        String resourceGroup,
        String name,
        String peerAsnId,
        String peeringLocation,
        String previousProvisioningState,
        String provisioningState,
        String errorMessage,
        List<Connection> connections,
        Long peerAsn) {

    /** An event that does not say the PeerAsn's number. */
    public PeeringEvent(
            String peeringId,
            String subscriptionId,
            String resourceGroup,
            String name,
            String peerAsnId,
            String peeringLocation,
            String previousProvisioningState,
            String provisioningState,
            String errorMessage,
            List<Connection> connections) {
        this(
                peeringId,
                subscriptionId,
                resourceGroup,
                name,
                peerAsnId,
                peeringLocation,
                previousProvisioningState,
                provisioningState,
                errorMessage,
                connections,
                null);
    }

    /** The peering was accepted; it may still wait on its PeerAsn's approval. */
    public static final String CREATED = "dev.peering.peering.created";
    /** Tags changed. */
    public static final String UPDATED = "dev.peering.peering.updated";
    /** These connections are to be provisioned (the PeerAsn is Approved). */
    public static final String CONNECTIONS_REQUESTED = "dev.peering.peering.connectionsRequested";
    /** These connections are to be decommissioned. */
    public static final String CONNECTION_REMOVAL_REQUESTED = "dev.peering.peering.connectionRemovalRequested";
    /** The peering failed (its PeerAsn failed validation); errorMessage says why. */
    public static final String FAILED = "dev.peering.peering.failed";
    /** The operator asked to deprovision the peering: every connection is to be decommissioned. */
    public static final String DEPROVISION_REQUESTED = "dev.peering.peering.deprovisionRequested";
    /** The peering is gone. */
    public static final String DELETED = "dev.peering.peering.deleted";
    /**
     * The peering as it is now, on the compacted state topic {@link Topics#PEERINGS_STATE}: no previous state
     * and no connections (each connection's state is on {@link Topics#CONNECTIONS_STATE}, from its owner).
     */
    public static final String STATE = "dev.peering.peering.state";

    public static final String SOURCE = "/services/peering-service";

    /** A connection as the peering describes it (no secrets). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Connection(
            String connectionIdentifier,
            int peeringDBFacilityId,
            int bandwidthInMbps,
            String sessionAddressProvider,
            boolean useForPeeringService,
            String sessionPrefixV4,
            String sessionPrefixV6,
            String microsoftSessionIPv4Address,
            String microsoftSessionIPv6Address,
            String peerSessionIPv4Address,
            String peerSessionIPv6Address,
            Integer maxPrefixesAdvertisedV4,
            Integer maxPrefixesAdvertisedV6,
            boolean md5AuthenticationKeyConfigured) {}
}
