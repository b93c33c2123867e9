package dev.peering.asn.persistence;

import dev.peering.asn.domain.Contacts;
import dev.peering.asn.domain.PeerAsnRef;
import dev.peering.asn.domain.ValidationState;
import dev.peering.platform.persistence.ResourceEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "peer_asn")
public class PeerAsnEntity extends ResourceEntity {

    public String name;

    @Column(name = "peer_asn")
    public long peerAsn;

    @Column(name = "peer_name")
    public String peerName;

    /** Stored as JSON in the ARM shape, by the auto-applied converter in mapping/. */
    public Contacts contacts;

    @Enumerated(EnumType.STRING)
    @Column(name = "validation_state")
    public ValidationState validationState;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "decide_at")
    public OffsetDateTime decideAt;

    public PeerAsnRef ref() {
        return new PeerAsnRef(subscriptionId, name);
    }

    /** The ARM resource id. */
    public String resourceId() {
        return ref().resourceId();
    }
}
