package dev.peering.asn.service;

import dev.peering.asn.domain.ValidationState;
import dev.peering.asn.persistence.PeerAsnRepository;
import dev.peering.platform.metrics.AfterCommit;
import dev.peering.platform.metrics.PeriodicGauges;
import dev.peering.platform.metrics.WorkflowTimers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The business metrics of PeerAsns (README, What to watch): {@code peering_peer_asns{state}}, how many
 * PeerAsns are in each validation state (a count per refresh interval), and {@code
 * peering_peer_asn_approval_delay_seconds{state}}, how long each waited from association to its decision.
 */
@ApplicationScoped
public class PeerAsnMetrics {

    @Inject
    PeerAsnRepository peerAsns;

    @Inject
    PeriodicGauges gauges;

    @Inject
    AfterCommit afterCommit;

    @Inject
    MeterRegistry registry;

    private final Map<ValidationState, Timer> approvalDelay = new EnumMap<>(ValidationState.class);

    void start(@Observes StartupEvent startup) {
        gauges.register(
                "peering.peer.asns",
                "PeerAsns in each validation state",
                List.of("state"),
                PeriodicGauges.each(ValidationState.class),
                peerAsns::countByValidationState);
        for (ValidationState decided : List.of(ValidationState.Approved, ValidationState.Failed)) {
            approvalDelay.put(
                    decided,
                    WorkflowTimers.register(
                            registry,
                            "peering.peer.asn.approval.delay",
                            "From a PeerAsn's association to its validation decision",
                            "state",
                            decided.name()));
        }
    }

    /** A PeerAsn associated at {@code associatedAt} was decided {@code state} at {@code now}, once committed. */
    public void decided(ValidationState state, OffsetDateTime associatedAt, OffsetDateTime now) {
        Timer timer = approvalDelay.get(state);
        if (timer != null && associatedAt != null) {
            Duration delay = Duration.between(associatedAt, now);
            afterCommit.run(() -> timer.record(delay));
        }
    }
}
