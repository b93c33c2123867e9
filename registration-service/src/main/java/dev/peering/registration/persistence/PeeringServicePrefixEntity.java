package dev.peering.registration.persistence;

import dev.peering.platform.persistence.ResourceEntity;
import dev.peering.registration.domain.PeeringServiceRef;
import dev.peering.registration.domain.PrefixValidationState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "peering_service_prefix")
public class PeeringServicePrefixEntity extends ResourceEntity {

    @Column(name = "peering_service_id")
    public String peeringServiceId;

    @Column(name = "resource_group")
    public String resourceGroup;

    @Column(name = "peering_service_name")
    public String peeringServiceName;

    public String name;

    public String prefix;

    /** The key as the customer sent it; returned to that customer only, never written to an event or a log. */
    @Column(name = "prefix_key")
    public String prefixKey;

    @Column(name = "prefix_key_hash")
    public String prefixKeyHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "prefix_validation_state")
    public PrefixValidationState prefixValidationState;

    @Column(name = "learned_type")
    public String learnedType;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "provisioning_state")
    public String provisioningState;

    @Column(name = "validate_at")
    public OffsetDateTime validateAt;

    public PeeringServiceRef peeringService() {
        return new PeeringServiceRef(subscriptionId, resourceGroup, peeringServiceName);
    }

    public String resourceId() {
        return peeringService().prefixId(name);
    }

    @Override
    public String toString() {
        return "PeeringServicePrefix[" + resourceId() + ", " + prefix + ", " + prefixValidationState + "]";
    }
}
