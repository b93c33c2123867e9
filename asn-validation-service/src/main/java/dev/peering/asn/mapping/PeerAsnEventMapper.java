package dev.peering.asn.mapping;

import dev.peering.asn.persistence.PeerAsnEntity;
import dev.peering.events.PeerAsnEvent;

/** The data of the events on the peer-ASN topic, from the entity as it is after the change. */
public final class PeerAsnEventMapper {

    private PeerAsnEventMapper() {}

    public static PeerAsnEvent toEvent(PeerAsnEntity e, String previousState) {
        return new PeerAsnEvent(
                e.resourceId(),
                e.subscriptionId,
                e.name,
                e.peerAsn,
                e.peerName,
                previousState,
                e.validationState.name(),
                e.errorMessage);
    }
}
