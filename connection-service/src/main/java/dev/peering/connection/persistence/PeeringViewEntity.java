package dev.peering.connection.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A peering as peering events describe it: enough for the connection paths to know it exists. It has
 * none of {@code ResourceEntity}'s bookkeeping columns, so it stays a plain entity.
 */
@Entity
@Table(name = "peering_view")
public class PeeringViewEntity extends PanacheEntityBase {

    @Id
    @Column(name = "peering_id")
    public String peeringId;

    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(name = "resource_group")
    public String resourceGroup;

    public String name;

    @Column(name = "peering_location")
    public String peeringLocation;

    @Column(name = "provisioning_state")
    public String provisioningState;

    /** The PeerAsn's number, once a peering event said it: the peer ASN of the route server's sessions. */
    @Column(name = "peer_asn")
    public Long peerAsn;
}
