package dev.peering.asn.domain;

import dev.peering.asn.api.PeerAsnMapper;
import dev.peering.asn.config.AsnValidationConfig;
import dev.peering.asn.persistence.PeerAsnEntity;
import dev.peering.asn.persistence.PeerAsnRepository;
import dev.peering.asn.persistence.PeeringUsageRepository;
import dev.peering.core.ArmException;
import dev.peering.events.CloudEvent;
import dev.peering.events.MalformedEventException;
import dev.peering.events.PeerAsnEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.platform.outbox.Outbox;
import dev.peering.platform.time.TimeSource;
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
    public record Saved(PeerAsnEntity peerAsn, boolean created) {}

    /** What a PUT asks for, already checked by {@link PeerAsnRules}. */
    public record PeerAsnSpec(long peerAsn, String peerName, List<Contact> contacts) {}

    @Inject
    PeerAsnRepository peerAsns;

    @Inject
    PeeringUsageRepository usage;

    @Inject
    Outbox outbox;

    @Inject
    AsnValidationConfig config;

    @Inject
    TimeSource time;

    public Saved put(String subscriptionId, String name, PeerAsnSpec spec, String correlationId) {
        Optional<PeerAsnEntity> existing = peerAsns.findByNameForUpdate(subscriptionId, name);
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
            e.contacts = PeerAsnMapper.writeContacts(spec.contacts());
            e.updatedAt = now;
            publish(e, PeerAsnEvent.UPDATED, e.validationState.name(), correlationId);
            return new Saved(e, false);
        }
        peerAsns.findByAsn(subscriptionId, spec.peerAsn()).ifPresent(other -> {
            throw ArmException.conflict(
                    "PeerAsnAlreadyExists",
                    "ASN " + spec.peerAsn() + " is already associated with this subscription as PeerAsn '" + other.name
                            + "'.");
        });
        PeerAsnEntity e = new PeerAsnEntity();
        e.id = UUID.randomUUID().toString();
        e.subscriptionId = subscriptionId;
        e.name = name;
        e.peerAsn = spec.peerAsn();
        e.peerName = spec.peerName();
        e.contacts = PeerAsnMapper.writeContacts(spec.contacts());
        e.validationState = ValidationState.Pending;
        e.decideAt = now.plus(config.approvalDelay());
        e.correlationId = correlationId;
        e.createdAt = now;
        e.updatedAt = now;
        peerAsns.persist(e);
        publish(e, PeerAsnEvent.CREATED, ValidationState.None.name(), correlationId);
        return new Saved(e, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PeerAsnEntity get(String subscriptionId, String name) {
        return peerAsns.findByName(subscriptionId, name).orElseThrow(() -> ArmException.notFound("PeerAsn", name));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PeerAsnEntity> page(String subscriptionId, String after, int limit) {
        return peerAsns.page(subscriptionId, after, limit);
    }

    /** @return whether there was a PeerAsn to delete */
    public boolean delete(String subscriptionId, String name, String correlationId) {
        Optional<PeerAsnEntity> found = peerAsns.findByNameForUpdate(subscriptionId, name);
        if (found.isEmpty()) {
            return false;
        }
        PeerAsnEntity e = found.get();
        List<String> peerings = usage.peeringsUsing(e.resourceId());
        if (!peerings.isEmpty()) {
            throw ArmException.conflict(
                    "PeerAsnInUse",
                    "PeerAsn '" + name + "' is used by the peering " + peerings.get(0)
                            + (peerings.size() > 1 ? " and " + (peerings.size() - 1) + " more" : "")
                            + "; the peering operator must deprovision it first.");
        }
        peerAsns.delete(e);
        publish(e, PeerAsnEvent.DELETED, e.validationState.name(), correlationId);
        return true;
    }

    /** The operator decides a Pending PeerAsn now, instead of waiting for the delay. */
    public PeerAsnEntity decideNow(String subscriptionId, String name, AsnDecision decision, String correlationId) {
        PeerAsnEntity e = peerAsns.findByNameForUpdate(subscriptionId, name)
                .orElseThrow(() -> ArmException.notFound("PeerAsn", name));
        apply(e, decision, correlationId);
        return e;
    }

    /**
     * Decides up to {@code limit} PeerAsns whose delay is over, each with its event.
     *
     * @return how many were decided
     */
    public int decideDue(int limit) {
        List<PeerAsnEntity> due = peerAsns.claimDue(time.now(), limit);
        for (PeerAsnEntity e : due) {
            apply(e, AsnDecision.decide(e.peerAsn), e.correlationId);
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
        publish(e, PeerAsnEvent.VALIDATION_STATE_CHANGED, previous.name(), correlationId);
    }

    /** Keeps the view of which live peerings use which PeerAsn. */
    public void onPeeringEvent(CloudEvent event) {
        PeeringEvent data = event.dataAs(PeeringEvent.class);
        if (data.peeringId() == null) {
            throw new MalformedEventException("peering event " + event.id() + " has no peeringId", null);
        }
        switch (event.type()) {
            case PeeringEvent.CREATED, PeeringEvent.CONNECTIONS_REQUESTED -> {
                if (data.peerAsnId() == null) {
                    throw new MalformedEventException("peering event " + event.id() + " has no peerAsnId", null);
                }
                usage.use(data.peeringId(), data.peerAsnId());
            }
            case PeeringEvent.FAILED, PeeringEvent.DELETED -> usage.release(data.peeringId());
            case PeeringEvent.UPDATED,
                    PeeringEvent.CONNECTION_REMOVAL_REQUESTED,
                    PeeringEvent.DEPROVISION_REQUESTED -> {
                // these do not change which PeerAsn the peering uses
            }
            default -> throw new MalformedEventException("unknown peering event type '" + event.type() + "'", null);
        }
    }

    private void publish(PeerAsnEntity e, String type, String previousState, String correlationId) {
        outbox.publish(
                e.resourceId(),
                type,
                e.resourceId(),
                e.subscriptionId,
                correlationId,
                PeerAsnMapper.toEvent(e, previousState));
    }
}
