package dev.peering.asn.persistence;

import dev.peering.asn.domain.ValidationState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

@Entity
@Table(name = "peer_asn")
public class PeerAsnEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "subscription_id")
    public String subscriptionId;

    public String name;

    @Column(name = "peer_asn")
    public long peerAsn;

    @Column(name = "peer_name")
    public String peerName;

    /** The contacts as JSON, in the ARM shape. */
    public String contacts;

    @Enumerated(EnumType.STRING)
    @Column(name = "validation_state")
    public ValidationState validationState;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "decide_at")
    public OffsetDateTime decideAt;

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
        return resourceId(subscriptionId, name);
    }

    public static String resourceId(String subscriptionId, String name) {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Peering/peerAsns/" + name;
    }
}
