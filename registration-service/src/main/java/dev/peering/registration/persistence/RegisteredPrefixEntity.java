package dev.peering.registration.persistence;

import dev.peering.core.PeeringRef;
import dev.peering.platform.persistence.ResourceEntity;
import dev.peering.registration.domain.PrefixValidationState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "registered_prefix")
public class RegisteredPrefixEntity extends ResourceEntity {

    /** The resource type of a registered prefix below its peering, as its resource id spells it. */
    public static final String CHILD_TYPE = "registeredPrefixes";

    @Column(name = "peering_id")
    public String peeringId;

    @Column(name = "resource_group")
    public String resourceGroup;

    @Column(name = "peering_name")
    public String peeringName;

    public String name;

    public String prefix;

    /** Issued when first Verified; returned to the owning subscription, never written to an event or a log. */
    @Column(name = "prefix_key")
    public String prefixKey;

    @Column(name = "prefix_key_hash")
    public String prefixKeyHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "prefix_validation_state")
    public PrefixValidationState prefixValidationState;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "provisioning_state")
    public String provisioningState;

    @Column(name = "validate_at")
    public OffsetDateTime validateAt;

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
        return "RegisteredPrefix[" + resourceId() + ", " + prefix + ", " + prefixValidationState + "]";
    }
}
