package dev.peering.registration.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One row of a Peering Service prefix's history; not a {@code ResourceEntity}: it is not a resource. */
@Entity
@Table(name = "peering_service_prefix_event")
public class PrefixEventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "prefix_id")
    public String prefixId;

    @Column(name = "event_timestamp")
    public OffsetDateTime eventTimestamp;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "event_summary")
    public String eventSummary;

    @Column(name = "event_level")
    public String eventLevel;

    @Column(name = "event_description")
    public String eventDescription;
}
