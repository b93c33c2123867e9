package dev.peering.platform.persistence;

import dev.peering.platform.tracing.Traceparent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * The columns every resource a service owns has, written once: its id, the subscription it belongs
 * to, the correlation id and the trace context of the request that created it (or caused its pending
 * work), when it was created and last changed, and the optimistic-lock version. An entity extends this and
 * adds its own columns.
 */
@MappedSuperclass
public abstract class ResourceEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(name = "correlation_id")
    public String correlationId;

    /** The W3C traceparent of the span that caused the resource's pending work; a step taken later continues it. */
    @Column(name = "traceparent")
    public String traceparent;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /**
     * The request (or event) being handled is the cause of this resource's pending work: its correlation id
     * and its trace go into the events of the steps taken later (ADR 0015).
     */
    public void causedBy(String correlationId) {
        this.correlationId = correlationId;
        this.traceparent = Traceparent.current();
    }
}
