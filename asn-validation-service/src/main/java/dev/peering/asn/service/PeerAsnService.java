package dev.peering.asn.service;

import dev.peering.asn.config.AsnValidationConfig;
import dev.peering.asn.domain.AsnDecision;
import dev.peering.asn.domain.PeerAsn;
import dev.peering.asn.domain.PeerAsnRef;
import dev.peering.asn.domain.PeerAsnSpec;
import dev.peering.asn.domain.ValidationState;
import dev.peering.asn.mapping.PeerAsnMapper;
import dev.peering.asn.persistence.PeerAsnEntity;
import dev.peering.asn.persistence.PeerAsnRepository;
import dev.peering.asn.persistence.PeeringUsageRepository;
import dev.peering.core.ArmException;
import dev.peering.events.PeerAsnEvent;
import dev.peering.platform.persistence.ResourceLocks;
import dev.peering.platform.schedule.DueWork;
import dev.peering.platform.time.TimeSource;
import dev.peering.platform.tracing.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** PeerAsn associations: create, change, delete, and the validation decision with its events. */
@ApplicationScoped
@Transactional
public class PeerAsnService {

    /** A stored PeerAsn and whether the request created it. */
    public record Saved(PeerAsn peerAsn, boolean created) {}

    @Inject
    ResourceLocks locks;

    @Inject
    PeerAsnRepository peerAsns;

    @Inject
    PeeringUsageRepository usage;

    @Inject
    PeerAsnPublisher publisher;

    @Inject
    AsnValidationConfig config;

    @Inject
    TimeSource time;

    @Inject
    DueWork dueWork;

    @Inject
    Tracing tracing;

    @Inject
    PeerAsnMetrics metrics;

    public Saved put(PeerAsnRef ref, PeerAsnSpec spec, String correlationId) {
        locks.lock(ref.resourceId());
        Optional<PeerAsnEntity> existing = peerAsns.findByRefForUpdate(ref);
        OffsetDateTime now = time.now();
        if (existing.isPresent()) {
            PeerAsnEntity e = existing.get();
            if (e.peerAsn != spec.peerAsn()) {
                throw ArmException.invalidField(
                        "properties.peerAsn",
                        "cannot change from " + e.peerAsn + " to " + spec.peerAsn()
                                + "; delete this PeerAsn and associate the new ASN under a new name.");
            }
            e.peerName = spec.peerName();
            e.contacts = spec.contacts();
            e.updatedAt = now;
            publisher.publish(e, PeerAsnEvent.UPDATED, e.validationState.name(), correlationId);
            return new Saved(PeerAsnMapper.toDomain(e), false);
        }
        peerAsns.findByAsn(ref.subscriptionId(), spec.peerAsn()).ifPresent(other -> {
            throw ArmException.conflict(
                    "PeerAsnAlreadyExists",
                    "ASN " + spec.peerAsn() + " is already associated with this subscription as PeerAsn '" + other.name
                            + "'.");
        });
        PeerAsnEntity e = new PeerAsnEntity();
        e.id = UUID.randomUUID().toString();
        e.subscriptionId = ref.subscriptionId();
        e.name = ref.name();
        e.peerAsn = spec.peerAsn();
        e.peerName = spec.peerName();
        e.contacts = spec.contacts();
        e.validationState = ValidationState.Pending;
        e.decideAt = now.plus(config.approvalDelay());
        e.causedBy(correlationId);
        e.createdAt = now;
        e.updatedAt = now;
        peerAsns.persist(e);
        publisher.publish(e, PeerAsnEvent.CREATED, ValidationState.None.name(), correlationId);
        dueWork.dueAt(ApprovalScheduler.KIND, e.decideAt);
        return new Saved(PeerAsnMapper.toDomain(e), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PeerAsn get(PeerAsnRef ref) {
        return peerAsns.findByRef(ref)
                .map(PeerAsnMapper::toDomain)
                .orElseThrow(() -> ArmException.notFound("PeerAsn", ref.name()));
    }

    /** Up to {@code limit} PeerAsns of the subscription with names after {@code after}, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PeerAsn> page(String subscriptionId, String after, int limit) {
        return peerAsns.page(subscriptionId, after, limit).stream()
                .map(PeerAsnMapper::toDomain)
                .toList();
    }

    /** @return whether there was a PeerAsn to delete */
    public boolean delete(PeerAsnRef ref, String correlationId) {
        Optional<PeerAsnEntity> found = peerAsns.findByRefForUpdate(ref);
        if (found.isEmpty()) {
            return false;
        }
        PeerAsnEntity e = found.get();
        List<String> peerings = usage.peeringsUsing(e.resourceId());
        if (!peerings.isEmpty()) {
            throw ArmException.conflict(
                    "PeerAsnInUse",
                    "PeerAsn '" + ref.name() + "' is used by the peering " + peerings.get(0)
                            + (peerings.size() > 1 ? " and " + (peerings.size() - 1) + " more" : "")
                            + "; the peering operator must deprovision it first.");
        }
        peerAsns.delete(e);
        publisher.publish(e, PeerAsnEvent.DELETED, e.validationState.name(), correlationId);
        return true;
    }

    /** The operator decides a Pending PeerAsn now, instead of waiting for the delay. */
    public PeerAsn decideNow(PeerAsnRef ref, AsnDecision decision, String correlationId) {
        PeerAsnEntity e =
                peerAsns.findByRefForUpdate(ref).orElseThrow(() -> ArmException.notFound("PeerAsn", ref.name()));
        apply(e, decision, correlationId);
        return PeerAsnMapper.toDomain(e);
    }

    /**
     * Decides up to {@code limit} PeerAsns whose delay is over, each with its event, in a span that continues
     * the trace of the request that associated it.
     *
     * @return how many were decided
     */
    public int decideDue(int limit) {
        List<PeerAsnEntity> due = peerAsns.claimDue(time.now(), limit);
        for (PeerAsnEntity e : due) {
            tracing.step(
                    ApprovalScheduler.KIND,
                    e.traceparent,
                    e.correlationId,
                    e.subscriptionId,
                    e.resourceId(),
                    () -> apply(e, AsnDecision.decide(e.peerAsn), e.correlationId));
        }
        return due.size();
    }

    private void apply(PeerAsnEntity e, AsnDecision decision, String correlationId) {
        ValidationState previous = e.validationState;
        if (!previous.canMoveTo(decision.state())) {
            throw ArmException.conflict(
                    "InvalidValidationStateTransition",
                    "PeerAsn '" + e.name + "' is " + previous + "; only a Pending PeerAsn can become "
                            + decision.state() + ".");
        }
        e.validationState = decision.state();
        e.errorMessage = decision.errorMessage();
        e.decideAt = null;
        e.updatedAt = time.now();
        metrics.decided(e.validationState, e.createdAt, e.updatedAt);
        publisher.publish(e, PeerAsnEvent.VALIDATION_STATE_CHANGED, previous.name(), correlationId);
    }
}
