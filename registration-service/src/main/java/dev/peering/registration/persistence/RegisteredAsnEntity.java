package dev.peering.registration.persistence;

import dev.peering.core.PeeringRef;
import dev.peering.platform.persistence.ResourceEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "registered_asn")
public class RegisteredAsnEntity extends ResourceEntity {

    /** The resource type of a registered ASN below its peering, as its resource id spells it. */
    public static final String CHILD_TYPE = "registeredAsns";

    @Column(name = "peering_id")
    public String peeringId;

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

    public PeeringRef peering() {
        return new PeeringRef(subscriptionId, resourceGroup, peeringName);
    }

    /** The ARM resource id. */
    public String resourceId() {
        return peering().childId(CHILD_TYPE, name);
    }

    @Override
    public String toString() {
        // the Prefix Key stays out of every log line
        return "RegisteredAsn[" + resourceId() + ", asn=" + asn + "]";
    }
}
