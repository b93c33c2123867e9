package dev.peering.peerings.service;

import dev.peering.core.ArmException;
import dev.peering.core.PeeringRef;
import dev.peering.core.Tags;
import dev.peering.events.PeeringEvent;
import dev.peering.peerings.domain.Agreement;
import dev.peering.peerings.domain.PeerAsnStates;
import dev.peering.peerings.domain.Peering;
import dev.peering.peerings.domain.PeeringRules;
import dev.peering.peerings.domain.PeeringSpec;
import dev.peering.peerings.domain.ProvisioningState;
import dev.peering.peerings.mapping.PeeringReadMapper;
import dev.peering.peerings.persistence.AgreementRepository;
import dev.peering.peerings.persistence.ConnectionViewEntity;
import dev.peering.peerings.persistence.PeerAsnViewEntity;
import dev.peering.peerings.persistence.PeerAsnViewRepository;
import dev.peering.peerings.persistence.PeeringEntity;
import dev.peering.peerings.persistence.PeeringRepository;
import dev.peering.platform.persistence.ResourceLocks;
import dev.peering.platform.time.TimeSource;
import dev.peering.platform.tracing.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Peerings: create (waiting on the PeerAsn's approval, or on its first event when it is not known here yet),
 * add connections, tags, deprovisioning.
 */
@ApplicationScoped
@Transactional
public class PeeringService {

    /** A stored peering and whether the request created it. */
    public record Saved(Peering peering, boolean created) {}

    public static final String DEPROVISION_MESSAGE = "To deprovision an Exchange peering, contact Microsoft peering"
            + " (peeringexperience@microsoft.com): the peering operator deprovisions it. This operation isn't"
            + " supported for the peer.";

    @Inject
    ResourceLocks locks;

    @Inject
    PeeringRepository peerings;

    @Inject
    PeerAsnViewRepository peerAsns;

    @Inject
    AgreementRepository agreements;

    @Inject
    PeeringConnections connections;

    @Inject
    PeeringPublisher publisher;

    @Inject
    TimeSource time;

    @Inject
    PeerAsnArrivals arrivals;

    @Inject
    Tracing tracing;

    public Saved put(PeeringRef ref, PeeringSpec spec, String correlationId) {
        locks.lock(ref.resourceId());
        // The PeerAsn's row is locked first, as the PeerAsn events' handler does: a creation and the
        // PeerAsn's decision serialise (and two creations of one name naming one PeerAsn do too).
        boolean creating = peerings.findByRef(ref).isEmpty();
        Optional<PeerAsnViewEntity> named = creating
                ? arrivals.lockOrPlaceholder(ref.subscriptionId(), spec.peerAsnId())
                : peerAsns.findForUpdate(spec.peerAsnId());
        Optional<PeeringEntity> existing = peerings.findByRefForUpdate(ref);
        if (existing.isPresent()) {
            return new Saved(PeeringReadMapper.toPeering(update(existing.get(), spec, correlationId)), false);
        }
        // Read-your-writes across services (ADR 0009): a PeerAsn not known here yet (no row, or only a
        // placeholder) is waited for, as a Pending one is, until its first event or the arrival timeout.
        boolean known = named.isPresent() && PeerAsnStates.known(named.get().validationState);
        if (known && PeerAsnStates.FAILED.equals(named.get().validationState)) {
            PeerAsnViewEntity peerAsn = named.get();
            throw ArmException.invalidField(
                    "properties.direct.peerAsn.id",
                    "names PeerAsn '" + peerAsn.name + "' (AS" + peerAsn.peerAsn + "), which failed validation: "
                            + peerAsn.errorMessage + " Associate a valid ASN first.");
        }
        boolean agreement = agreements.has(ref.subscriptionId());
        OffsetDateTime now = time.now();
        PeeringEntity e = new PeeringEntity();
        e.id = UUID.randomUUID().toString();
        e.subscriptionId = ref.subscriptionId();
        e.resourceGroup = ref.resourceGroup();
        e.name = ref.name();
        e.resourceId = ref.resourceId();
        e.kind = spec.kind();
        e.skuName = spec.skuName();
        e.location = spec.location();
        e.directPeeringType = spec.directPeeringType();
        // the canonical id, as asn-validation-service spells it (a placeholder's until the PeerAsn's event)
        e.peerAsnId = named.map(v -> v.peerAsnId)
                .orElseGet(() -> PeeringRules.peerAsnIdOf(ref.subscriptionId(), spec.peerAsnId()));
        e.peeringLocation = spec.peeringLocation();
        e.tags = Tags.of(spec.tags());
        e.provisioningState = ProvisioningState.Updating;
        e.waitingOnPeerAsn = true;
        if (!known) {
            e.peerAsnArrivalDueAt = arrivals.dueAt(now);
        }
        e.causedBy(correlationId);
        e.createdAt = now;
        e.updatedAt = now;
        for (PeeringSpec.NewConnection c : spec.connections()) {
            e.connections.add(connections.newConnection(e, c, agreement));
        }
        peerings.persist(e);
        publisher.publish(e, PeeringEvent.CREATED, null, e.connections, correlationId);
        if (known && PeerAsnStates.APPROVED.equals(named.get().validationState)) {
            handOff(e, correlationId);
        }
        return new Saved(PeeringReadMapper.toPeering(e), true);
    }

    /** A PUT on an existing peering: Basics stay, existing connections stay, new ones are added. */
    private PeeringEntity update(PeeringEntity e, PeeringSpec spec, String correlationId) {
        requireMutable(e);
        unchanged("kind", e.kind, spec.kind());
        unchanged("sku.name", e.skuName, spec.skuName());
        unchanged("location", e.location, spec.location());
        unchanged("properties.direct.directPeeringType", e.directPeeringType, spec.directPeeringType());
        unchanged("properties.peeringLocation", e.peeringLocation, spec.peeringLocation());
        unchanged("properties.direct.peerAsn.id", e.peerAsnId, spec.peerAsnId());
        List<String> sent = spec.connections().stream()
                .map(PeeringSpec.NewConnection::connectionIdentifier)
                .filter(id -> id != null)
                .toList();
        for (ConnectionViewEntity c : e.connections) {
            if (sent.stream().noneMatch(id -> id.equalsIgnoreCase(c.connectionIdentifier))) {
                throw ArmException.badRequest(
                        "ConnectionRemovalNotAllowed",
                        "The request leaves out connection '" + c.connectionIdentifier + "'. A PUT may add"
                                + " connections but not remove them: remove it with DELETE " + e.resourceId
                                + "/connections/" + c.connectionIdentifier + "?confirm=yes.");
            }
        }
        boolean agreement = agreements.has(e.subscriptionId);
        List<ConnectionViewEntity> added = new ArrayList<>();
        // a changed MD5 key is stored only: no event carries it, the route server pulls it (ADR 0014)
        boolean keyChanged = false;
        for (PeeringSpec.NewConnection c : spec.connections()) {
            Optional<ConnectionViewEntity> known =
                    c.connectionIdentifier() == null ? Optional.empty() : e.connection(c.connectionIdentifier());
            if (known.isPresent()) {
                PeeringConnections.requireSameConfiguration(c, known.get());
                keyChanged |= PeeringConnections.changeKey(c, known.get());
                continue;
            }
            if (e.provisioningState == ProvisioningState.Failed) {
                throw ArmException.conflict(
                        "PeeringFailed",
                        "The peering failed (" + e.errorMessage + "); it takes no new connections. The peering"
                                + " operator can deprovision it; then create it again with a valid PeerAsn.");
            }
            ConnectionViewEntity n = connections.newConnection(e, c, agreement);
            e.connections.add(n);
            added.add(n);
        }
        Tags tags = Tags.of(spec.tags());
        boolean tagsChanged = !e.tags.equals(tags);
        e.tags = tags;
        if (!added.isEmpty() || tagsChanged || keyChanged) {
            e.updatedAt = time.now();
        }
        if (tagsChanged) {
            publisher.publish(e, PeeringEvent.UPDATED, e.provisioningState.name(), List.of(), correlationId);
        }
        if (!added.isEmpty() && !e.waitingOnPeerAsn) {
            request(e, added, correlationId);
        }
        return e;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Peering get(PeeringRef ref) {
        return PeeringReadMapper.toPeering(
                peerings.findByRef(ref).orElseThrow(() -> ArmException.notFound("peering", ref.name())));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Peering> pageByResourceGroup(String subscriptionId, String resourceGroup, String after, int limit) {
        return peerings.pageByResourceGroup(subscriptionId, resourceGroup, after, limit).stream()
                .map(PeeringReadMapper::toPeering)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Peering> pageBySubscription(String subscriptionId, String after, int limit) {
        return peerings.pageBySubscription(subscriptionId, after, limit).stream()
                .map(PeeringReadMapper::toPeering)
                .toList();
    }

    public Peering updateTags(PeeringRef ref, Map<String, String> tags, String correlationId) {
        PeeringEntity e =
                peerings.findByRefForUpdate(ref).orElseThrow(() -> ArmException.notFound("peering", ref.name()));
        requireMutable(e);
        e.tags = Tags.of(tags);
        e.updatedAt = time.now();
        publisher.publish(e, PeeringEvent.UPDATED, e.provisioningState.name(), List.of(), correlationId);
        return PeeringReadMapper.toPeering(e);
    }

    /**
     * A peer's DELETE: refused with the seed's message when the peering exists.
     *
     * @return false when there is no such peering
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean refuseDelete(PeeringRef ref) {
        if (peerings.findByRef(ref).isEmpty()) {
            return false;
        }
        throw ArmException.conflict("DeprovisionNotAllowed", DEPROVISION_MESSAGE);
    }

    /**
     * The operator's deprovisioning: every connection handed to provisioning is to be decommissioned by
     * connection-service; the peering goes when the last is removed, or at once when none was handed off.
     *
     * @return the peering while it is Deleting, or empty when it is already gone
     */
    public Optional<Peering> deprovision(PeeringRef ref, String correlationId) {
        PeeringEntity e =
                peerings.findByRefForUpdate(ref).orElseThrow(() -> ArmException.notFound("peering", ref.name()));
        if (e.provisioningState == ProvisioningState.Deleting) {
            return Optional.of(PeeringReadMapper.toPeering(e));
        }
        String previous = e.provisioningState.name();
        // connections never handed off exist only here: they go with the request
        e.connections.removeIf(c -> !c.requested);
        e.provisioningState = ProvisioningState.Deleting;
        e.waitingOnPeerAsn = false;
        e.peerAsnArrivalDueAt = null;
        e.updatedAt = time.now();
        publisher.publish(e, PeeringEvent.DEPROVISION_REQUESTED, previous, e.connections, correlationId);
        if (e.connections.isEmpty()) {
            removePeering(e, correlationId);
            return Optional.empty();
        }
        return Optional.of(PeeringReadMapper.toPeering(e));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Agreement agreement(String subscriptionId) {
        return new Agreement(subscriptionId, agreements.grantedAt(subscriptionId));
    }

    /** Records the agreement and, when it is new, publishes it (connection-service follows it). */
    public Agreement grantAgreement(String subscriptionId, String correlationId) {
        if (agreements.grant(subscriptionId, time.now(), correlationId)) {
            publisher.agreement(subscriptionId, true, agreements.grantedAt(subscriptionId), correlationId);
        }
        return agreement(subscriptionId);
    }

    /** Withdraws the agreement and, when there was one, publishes that. */
    public boolean revokeAgreement(String subscriptionId, String correlationId) {
        boolean revoked = agreements.revoke(subscriptionId);
        if (revoked) {
            publisher.agreement(subscriptionId, false, null, correlationId);
        }
        return revoked;
    }

    /**
     * Runs {@code work} on a peering that waited, in a span that continues the trace of the request that created
     * it (linked to the event that ended the wait, if any): its events carry the peering's correlation id and
     * trace, not the PeerAsn's.
     */
    void continuing(PeeringEntity e, String step, Runnable work) {
        tracing.step(step, e.traceparent, e.correlationId, e.subscriptionId, e.resourceId, work);
    }

    /** The PeerAsn is Approved: every connection not yet handed off is requested now. */
    void handOff(PeeringEntity e, String correlationId) {
        String previous = e.provisioningState.name();
        e.waitingOnPeerAsn = false;
        e.peerAsnArrivalDueAt = null;
        e.provisioningState = ProvisioningState.Succeeded;
        e.updatedAt = time.now();
        List<ConnectionViewEntity> pending =
                e.connections.stream().filter(c -> !c.requested).toList();
        pending.forEach(c -> c.requested = true);
        publisher.publish(e, PeeringEvent.CONNECTIONS_REQUESTED, previous, pending, correlationId);
    }

    /** The peering stops waiting on its PeerAsn and fails, saying why; the caller holds its lock. */
    void fail(PeeringEntity e, String reason) {
        String previous = e.provisioningState.name();
        e.waitingOnPeerAsn = false;
        e.peerAsnArrivalDueAt = null;
        e.provisioningState = ProvisioningState.Failed;
        e.errorMessage = reason;
        e.updatedAt = time.now();
        publisher.publish(e, PeeringEvent.FAILED, previous, List.of(), e.correlationId);
    }

    /** Deletes the peering and publishes that it is gone; the caller holds its lock. */
    void removePeering(PeeringEntity e, String correlationId) {
        peerings.delete(e);
        publisher.publish(e, PeeringEvent.DELETED, ProvisioningState.Deleting.name(), List.of(), correlationId);
    }

    private void request(PeeringEntity e, List<ConnectionViewEntity> added, String correlationId) {
        added.forEach(c -> c.requested = true);
        publisher.publish(e, PeeringEvent.CONNECTIONS_REQUESTED, e.provisioningState.name(), added, correlationId);
    }

    private static void unchanged(String field, String stored, String sent) {
        if (!stored.equalsIgnoreCase(sent)) {
            throw ArmException.invalidField(
                    field,
                    "cannot change after creation (it is '" + stored + "', the request says '" + sent + "'). To use"
                            + " other Basics, the peering operator deprovisions this peering and you create a new one.");
        }
    }

    private static void requireMutable(PeeringEntity e) {
        if (e.provisioningState == ProvisioningState.Deleting) {
            throw ArmException.conflict(
                    "PeeringIsDeprovisioning", "The peering is being deprovisioned; it takes no more changes.");
        }
    }
}
