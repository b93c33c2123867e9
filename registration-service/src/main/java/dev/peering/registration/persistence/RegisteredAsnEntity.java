package dev.peering.registration.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

@Entity
@Table(name = "registered_asn")
public class RegisteredAsnEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "peering_id")
    public String peeringId;

    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(name = "resource_group")
    public String resourceGroup;

    @Column(name = "peering_name")
    public String peeringName;

    public String name;

    public long asn;

    /** The Prefix Key: returned to the owning subscription, never written to an event or a log. */
    @Column(name = "prefix_key")
    public String prefixKey;

    @Column(name = "prefix_key_hash")
    public String prefixKeyHash;

    @Column(name = "provisioning_state")
    public String provisioningState;

    @Column(name = "correlation_id")
    public String correlationId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** The ARM resource id. */
    public String resourceId() {
        return resourceId(subscriptionId, resourceGroup, peeringName, name);
    }

    public static String resourceId(String subscriptionId, String resourceGroup, String peeringName, String name) {
        return peeringId(subscriptionId, resourceGroup, peeringName) + "/registeredAsns/" + name;
    }

    public static String peeringId(String subscriptionId, String resourceGroup, String peeringName) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Peering/peerings/" + peeringName;
    }

    @Override
    public String toString() {
        // the Prefix Key stays out of every log line
        return "RegisteredAsn[" + resourceId() + ", asn=" + asn + "]";
    }
}
