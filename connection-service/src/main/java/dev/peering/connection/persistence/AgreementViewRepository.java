package dev.peering.connection.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** This service's view of the Peering Service agreements peering-service publishes. */
@ApplicationScoped
public class AgreementViewRepository {

    @Inject
    EntityManager em;

    public boolean has(String subscriptionId) {
        return !em.createNativeQuery(
                        "select 1 from peering_service_agreement_view where subscription_id = ?1 and agreed")
                .setParameter(1, subscriptionId)
                .getResultList()
                .isEmpty();
    }

    public void set(String subscriptionId, boolean agreed) {
        em.createNativeQuery("insert into peering_service_agreement_view (subscription_id, agreed) values (?1, ?2)"
                        + " on conflict (subscription_id) do update set agreed = excluded.agreed")
                .setParameter(1, subscriptionId)
                .setParameter(2, agreed)
                .executeUpdate();
    }
}
