package dev.peering.peerings.persistence;

import dev.peering.core.PeeringRef;
import dev.peering.core.Tags;
import dev.peering.peerings.domain.ProvisioningState;
import dev.peering.platform.persistence.ResourceEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.BatchSize;

/** A peering; {@code correlationId} is the creating request's, carried into the events its PeerAsn's decision causes. */
@Entity
@Table(name = "peering")
public class PeeringEntity extends ResourceEntity {

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "resource_group")
    public String resourceGroup;

    public String name;

    public String kind;

    @Column(name = "sku_name")
    public String skuName;

    public String location;

    @Column(name = "direct_peering_type")
    public String directPeeringType;

    @Column(name = "peer_asn_id")
    public String peerAsnId;

    @Column(name = "peering_location")
    public String peeringLocation;

    /** A JSON object in the column, through the converter that applies to {@link Tags}. */
    public Tags tags;

    @Enumerated(EnumType.STRING)
    @Column(name = "provisioning_state")
    public ProvisioningState provisioningState;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "waiting_on_peer_asn")
    public boolean waitingOnPeerAsn;

    /**
     * Set while the peering waits for the first event of a PeerAsn this service did not know at its
     * creation: then it fails (ADR 0009). Null otherwise.
     */
    @Column(name = "peer_asn_arrival_due_at")
    public OffsetDateTime peerAsnArrivalDueAt;

    // a list page loads the connections of its peerings in batches, not one query per peering
    @OneToMany(mappedBy = "peering", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchSize(size = 100)
    public List<ConnectionViewEntity> connections = new ArrayList<>();

    public PeeringRef ref() {
        return new PeeringRef(subscriptionId, resourceGroup, name);
    }

    public Optional<ConnectionViewEntity> connection(String connectionIdentifier) {
        return connections.stream()
                .filter(c -> c.connectionIdentifier.equalsIgnoreCase(connectionIdentifier))
                .findFirst();
    }

    public int nextPosition() {
        return connections.stream().mapToInt(c -> c.position).max().orElse(-1) + 1;
    }
}
