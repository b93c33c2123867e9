package dev.peering.peerings.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A PeerAsn as the peer-ASN topic reports it (asn-validation-service owns it). */
@Entity
@Table(name = "peer_asn_view")
public class PeerAsnViewEntity extends PanacheEntityBase {

    @Id
    @Column(name = "peer_asn_id")
    public String peerAsnId;

    @Column(name = "peer_asn_id_lower")
    public String peerAsnIdLower;

    @Column(name = "subscription_id")
    public String subscriptionId;

    public String name;

    @Column(name = "peer_asn")
    public long peerAsn;

    @Column(name = "validation_state")
    public String validationState;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
