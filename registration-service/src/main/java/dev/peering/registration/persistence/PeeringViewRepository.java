package dev.peering.registration.persistence;

import dev.peering.core.PeeringRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** This service's view of peerings and their connections, kept from peering and connection events. */
@ApplicationScoped
public class PeeringViewRepository {

    /** A peering as this service knows it. */
    public record PeeringView(String peeringId, String state) {}

    /** A connection of a peering and its connectionState. */
    public record ConnectionView(String connectionIdentifier, String connectionState) {}

    @Inject
    EntityManager em;

    public void upsertPeering(String peeringId, PeeringRef peering, String state) {
        em.createNativeQuery("insert into peering_view (peering_id, subscription_id, resource_group, name, state)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict (peering_id) do update set state = excluded.state")
                .setParameter(1, peeringId)
                .setParameter(2, peering.subscriptionId())
                .setParameter(3, peering.resourceGroup())
                .setParameter(4, peering.name())
                .setParameter(5, state)
                .executeUpdate();
    }

    /** @return whether the peering was known */
    public boolean setState(String peeringId, String state) {
        return em.createNativeQuery("update peering_view set state = ?2 where peering_id = ?1")
                        .setParameter(1, peeringId)
                        .setParameter(2, state)
                        .executeUpdate()
                > 0;
    }

    public void deletePeering(String peeringId) {
        em.createNativeQuery("delete from connection_view where peering_id = ?1")
                .setParameter(1, peeringId)
                .executeUpdate();
        em.createNativeQuery("delete from peering_view where peering_id = ?1")
                .setParameter(1, peeringId)
                .executeUpdate();
    }

    /** The peering locked for this transaction, so registrations and its deprovisioning serialise. */
    @SuppressWarnings("unchecked")
    public Optional<PeeringView> findForUpdate(PeeringRef peering) {
        List<Object[]> rows = em.createNativeQuery("select peering_id, state from peering_view"
                        + " where subscription_id = ?1 and resource_group = ?2 and name = ?3 for update")
                .setParameter(1, peering.subscriptionId())
                .setParameter(2, peering.resourceGroup())
                .setParameter(3, peering.name())
                .getResultList();
        return rows.stream().findFirst().map(r -> new PeeringView((String) r[0], (String) r[1]));
    }

    public void upsertConnection(String peeringId, String connectionIdentifier, String connectionState) {
        em.createNativeQuery("insert into connection_view (peering_id, connection_identifier, connection_state)"
                        + " values (?1, ?2, ?3) on conflict (peering_id, connection_identifier)"
                        + " do update set connection_state = excluded.connection_state")
                .setParameter(1, peeringId)
                .setParameter(2, connectionIdentifier)
                .setParameter(3, connectionState)
                .executeUpdate();
    }

    public void deleteConnection(String peeringId, String connectionIdentifier) {
        em.createNativeQuery("delete from connection_view where peering_id = ?1 and connection_identifier = ?2")
                .setParameter(1, peeringId)
                .setParameter(2, connectionIdentifier)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<ConnectionView> connections(String peeringId) {
        List<Object[]> rows = em.createNativeQuery("select connection_identifier, connection_state from connection_view"
                        + " where peering_id = ?1 order by connection_identifier")
                .setParameter(1, peeringId)
                .getResultList();
        return rows.stream()
                .map(r -> new ConnectionView((String) r[0], (String) r[1]))
                .toList();
    }
}
