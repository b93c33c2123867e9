package dev.peering.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of the events on the peer-ASN topic: a PeerAsn association was created, changed its
 * validationState, or was deleted. The record key and the CloudEvent subject are {@code peerAsnId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeerAsnEvent(
        String peerAsnId,
        String subscriptionId,
        String name,
        long peerAsn,
        String peerName,
        String previousValidationState,
        String validationState,
        String errorMessage) {

    public static final String CREATED = "dev.peering.peerAsn.created";
    public static final String UPDATED = "dev.peering.peerAsn.updated";
    public static final String VALIDATION_STATE_CHANGED = "dev.peering.peerAsn.validationStateChanged";
    public static final String DELETED = "dev.peering.peerAsn.deleted";
    /**
     * The PeerAsn as it is now, on the compacted state topic {@link Topics#PEER_ASNS_STATE} (no previous
     * state); a tombstone follows its deletion.
     */
    public static final String STATE = "dev.peering.peerAsn.state";

    public static final String SOURCE = "/services/asn-validation-service";
}
