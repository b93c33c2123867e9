package dev.peering.connection.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PeeringViewRepository implements PanacheRepositoryBase<PeeringViewEntity, String> {

    /** The peerings of a subscription (its id compared without case, as the tenancy check compares it). */
    public List<PeeringViewEntity> ofSubscription(String subscriptionId) {
        return list("lower(subscriptionId) = lower(?1)", subscriptionId);
    }
}
