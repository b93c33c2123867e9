package dev.peering.asn.mapping;

import dev.peering.asn.domain.PeerAsn;
import dev.peering.asn.persistence.PeerAsnEntity;

/** Entities become the domain's {@link PeerAsn} here, so no layer above sees an entity. */
public final class PeerAsnMapper {

    private PeerAsnMapper() {}

    public static PeerAsn toDomain(PeerAsnEntity e) {
        return new PeerAsn(e.ref(), e.peerAsn, e.peerName, e.contacts, e.validationState, e.errorMessage);
    }
}
