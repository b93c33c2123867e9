package dev.peering.registration.persistence;

import dev.peering.core.Tags;
import dev.peering.registration.domain.PeeringServiceRef;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** Not a {@code ResourceEntity}: the {@code peering_service} table has no {@code correlation_id} column. */
@Entity
@Table(name = "peering_service")
public class PeeringServiceEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(name = "resource_group")
    public String resourceGroup;

    public String name;

    public String location;

    @Column(name = "peering_service_location")
    public String peeringServiceLocation;

    @Column(name = "peering_service_provider")
    public String peeringServiceProvider;

    @Column(name = "provisioning_state")
    public String provisioningState;

    @Column(name = "sku_name")
    public String skuName;

    /** JSON, through platform's {@code TagsConverter}. */
    public Tags tags;

    @Column(name = "provider_primary_peering_location")
    public String providerPrimaryPeeringLocation;

    @Column(name = "provider_backup_peering_location")
    public String providerBackupPeeringLocation;

    /** Worked out by PostgreSQL from the other columns; the key subscription-wide lists are paged by. */
    @Column(name = "resource_id", insertable = false, updatable = false)
    public String resourceId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public PeeringServiceRef ref() {
        return new PeeringServiceRef(subscriptionId, resourceGroup, name);
    }
}
