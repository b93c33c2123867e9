package dev.peering.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * The columns every resource a service owns has, written once: its id, the subscription it belongs
 * to, the correlation id of the request that created it, when it was created and last changed, and
 * the optimistic-lock version. An entity extends this and adds its own columns.
 */
@MappedSuperclass
public abstract class ResourceEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(name = "correlation_id")
    public String correlationId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
