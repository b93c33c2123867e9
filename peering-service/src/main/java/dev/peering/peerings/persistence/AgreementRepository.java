package dev.peering.peerings.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;

/** Subscriptions with a Peering Service agreement (an operator-set flag). */
@ApplicationScoped
public class AgreementRepository {

    @Inject
    EntityManager em;

    public boolean has(String subscriptionId) {
        return !em.createNativeQuery("select 1 from peering_service_agreement where subscription_id = ?1")
                .setParameter(1, subscriptionId)
                .getResultList()
                .isEmpty();
    }

    public OffsetDateTime grantedAt(String subscriptionId) {
        var rows = em.createNativeQuery(
                        "select granted_at from peering_service_agreement where subscription_id = ?1",
                        OffsetDateTime.class)
                .setParameter(1, subscriptionId)
                .getResultList();
        return rows.isEmpty() ? null : (OffsetDateTime) rows.get(0);
    }

    /** @return whether the agreement is new (false: it was already recorded) */
    public boolean grant(String subscriptionId, OffsetDateTime now, String correlationId) {
        return em.createNativeQuery(
                                "insert into peering_service_agreement (subscription_id, granted_at, correlation_id)"
                                        + " values (?1, ?2, ?3) on conflict (subscription_id) do nothing")
                        .setParameter(1, subscriptionId)
                        .setParameter(2, now)
                        .setParameter(3, correlationId)
                        .executeUpdate()
                > 0;
    }

    public boolean revoke(String subscriptionId) {
        return em.createNativeQuery("delete from peering_service_agreement where subscription_id = ?1")
                        .setParameter(1, subscriptionId)
                        .executeUpdate()
                > 0;
    }
}
