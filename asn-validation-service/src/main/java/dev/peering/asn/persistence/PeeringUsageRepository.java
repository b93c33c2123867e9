package dev.peering.asn.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/** This service's view of which PeerAsns live peerings use, kept from peering events. */
@ApplicationScoped
public class PeeringUsageRepository {

    @Inject
    EntityManager em;

    public void use(String peeringId, String peerAsnId) {
        em.createNativeQuery("insert into peering_usage (peering_id, peer_asn_id) values (?1, ?2)"
                        + " on conflict (peering_id) do update set peer_asn_id = excluded.peer_asn_id")
                .setParameter(1, peeringId)
                .setParameter(2, peerAsnId)
                .executeUpdate();
    }

    public void release(String peeringId) {
        em.createNativeQuery("delete from peering_usage where peering_id = ?1")
                .setParameter(1, peeringId)
                .executeUpdate();
    }

    /** The live peerings that use the PeerAsn. */
    @SuppressWarnings("unchecked")
    public List<String> peeringsUsing(String peerAsnId) {
        return em.createNativeQuery("select peering_id from peering_usage where peer_asn_id = ?1 order by peering_id")
                .setParameter(1, peerAsnId)
                .getResultList();
    }
}
