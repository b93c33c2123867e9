package dev.peering.peering.persistence;

import dev.peering.peering.domain.ProvisioningState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "peering")
public class PeeringEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "subscription_id")
    public String subscriptionId;

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

    /** The tags as a JSON object. */
    public String tags;

    @Enumerated(EnumType.STRING)
    @Column(name = "provisioning_state")
    public ProvisioningState provisioningState;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "waiting_on_peer_asn")
    public boolean waitingOnPeerAsn;

    @Column(name = "correlation_id")
    public String correlationId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    // a list page loads the connections of its peerings in batches, not one query per peering
    @OneToMany(mappedBy = "peering", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchSize(size = 100)
    public List<ConnectionEntity> connections = new ArrayList<>();

    public Optional<ConnectionEntity> connection(String connectionIdentifier) {
        return connections.stream()
                .filter(c -> c.connectionIdentifier.equalsIgnoreCase(connectionIdentifier))
                .findFirst();
    }

    public int nextPosition() {
        return connections.stream().mapToInt(c -> c.position).max().orElse(-1) + 1;
    }

    public static String resourceId(String subscriptionId, String resourceGroup, String name) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Peering/peerings/" + name;
    }
}
