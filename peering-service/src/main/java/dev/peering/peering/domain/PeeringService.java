package dev.peering.peering.domain;

import dev.peering.core.ArmException;
import dev.peering.events.PeeringEvent;
import dev.peering.peering.api.PeeringMapper;
import dev.peering.peering.persistence.AgreementRepository;
import dev.peering.peering.persistence.ConnectionEntity;
import dev.peering.peering.persistence.PeerAsnViewEntity;
import dev.peering.peering.persistence.PeerAsnViewRepository;
import dev.peering.peering.persistence.PeeringEntity;
import dev.peering.peering.persistence.PeeringRepository;
import dev.peering.platform.time.TimeSource;
import dev.peering.reference.ConnectionRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Hibernate;

/** Peerings: create (waiting on the PeerAsn's approval), add connections, tags, deprovisioning. */
@ApplicationScoped
@Transactional
public class PeeringService {

    /** A stored peering and whether the request created it. */
    public record Saved(PeeringEntity peering, boolean created) {}

    /** The Peering Service agreement of a subscription; {@code grantedAt} null when there is none. */
    public record Agreement(String subscriptionId, OffsetDateTime grantedAt) {}

    public static final String APPROVED = "Approved";
    public static final String PENDING = "Pending";
    public static final String FAILED = "Failed";
    public static final String PENDING_APPROVAL = "PendingApproval";
    public static final String DEPROVISION_MESSAGE = "To deprovision an Exchange peering, contact Microsoft peering"
            + " (peeringexperience@microsoft.com): the peering operator deprovisions it. This operation isn't"
            + " supported for the peer.";

    @Inject
    PeeringRepository peerings;

    @Inject
    PeerAsnViewRepository peerAsns;

    @Inject
    AgreementRepository agreements;

    @Inject
    ConnectionRules connectionRules;

    @Inject
    PeeringPublisher publisher;

    @Inject
    TimeSource time;

    public Saved put(String subscriptionId, String resourceGroup, String name, PeeringSpec spec, String correlationId) {
        // The PeerAsn's row is locked first, as the PeerAsn events' handler does: a creation and the
        // PeerAsn's decision serialise (and two creations of one name naming one PeerAsn do too).
        Optional<PeerAsnViewEntity> named = peerAsns.findForUpdate(spec.peerAsnId());
        Optional<PeeringEntity> existing = peerings.findByNameForUpdate(subscriptionId, resourceGroup, name);
        if (existing.isPresent()) {
            return new Saved(loaded(update(existing.get(), spec, correlationId)), false);
        }
        PeerAsnViewEntity peerAsn = named.orElseThrow(() -> ArmException.invalidField(
                "properties.direct.peerAsn.id",
                "names no PeerAsn of this subscription: associate the ASN first with PUT " + spec.peerAsnId()
                        + " on asn-validation-service (it can take a moment to be known here)."));
        if (FAILED.equals(peerAsn.validationState)) {
            throw ArmException.invalidField(
                    "properties.direct.peerAsn.id",
                    "names PeerAsn '" + peerAsn.name + "' (AS" + peerAsn.peerAsn + "), which failed validation: "
                            + peerAsn.errorMessage + " Associate a valid ASN first.");
        }
        boolean agreement = agreements.has(subscriptionId);
        OffsetDateTime now = time.now();
        PeeringEntity e = new PeeringEntity();
        e.id = UUID.randomUUID().toString();
        e.subscriptionId = subscriptionId;
        e.resourceGroup = resourceGroup;
        e.name = name;
        e.resourceId = PeeringEntity.resourceId(subscriptionId, resourceGroup, name);
        e.kind = spec.kind();
        e.skuName = spec.skuName();
        e.location = spec.location();
        e.directPeeringType = spec.directPeeringType();
        // the canonical id, as asn-validation-service spells it
        e.peerAsnId = peerAsn.peerAsnId;
        e.peeringLocation = spec.peeringLocation();
        e.tags = PeeringMapper.writeTags(spec.tags());
        e.provisioningState = ProvisioningState.Updating;
        e.waitingOnPeerAsn = true;
        e.correlationId = correlationId;
        e.createdAt = now;
        e.updatedAt = now;
        for (PeeringSpec.NewConnection c : spec.connections()) {
            e.connections.add(newConnection(e, c, agreement));
        }
        peerings.persist(e);
        publisher.publish(e, PeeringEvent.CREATED, null, e.connections, correlationId);
        if (APPROVED.equals(peerAsn.validationState)) {
            handOff(e, correlationId);
        }
        return new Saved(e, true);
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
        for (ConnectionEntity c : e.connections) {
            if (sent.stream().noneMatch(id -> id.equalsIgnoreCase(c.connectionIdentifier))) {
                throw ArmException.badRequest(
                        "ConnectionRemovalNotAllowed",
                        "The request leaves out connection '" + c.connectionIdentifier + "'. A PUT may add"
                                + " connections but not remove them: remove it with DELETE " + e.resourceId
                                + "/connections/" + c.connectionIdentifier + "?confirm=yes.");
            }
        }
        boolean agreement = agreements.has(e.subscriptionId);
        List<ConnectionEntity> added = new ArrayList<>();
        for (PeeringSpec.NewConnection c : spec.connections()) {
            Optional<ConnectionEntity> known =
                    c.connectionIdentifier() == null ? Optional.empty() : e.connection(c.connectionIdentifier());
            if (known.isPresent()) {
                requireSameConfiguration(c, known.get());
                continue;
            }
            if (e.provisioningState == ProvisioningState.Failed) {
                throw ArmException.conflict(
                        "PeeringFailed",
                        "The peering failed (" + e.errorMessage + "); it takes no new connections. The peering"
                                + " operator can deprovision it; then create it again with a valid PeerAsn.");
            }
            ConnectionEntity n = newConnection(e, c, agreement);
            e.connections.add(n);
            added.add(n);
        }
        String tags = PeeringMapper.writeTags(spec.tags());
        boolean tagsChanged = !PeeringMapper.readTags(e.tags).equals(spec.tags());
        e.tags = tags;
        if (!added.isEmpty() || tagsChanged) {
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

    // Reads run in a transaction of their own so the connections load before the entity leaves it.
    public PeeringEntity get(String subscriptionId, String resourceGroup, String name) {
        return loaded(peerings.findByName(subscriptionId, resourceGroup, name)
                .orElseThrow(() -> ArmException.notFound("peering", name)));
    }

    public List<PeeringEntity> pageByResourceGroup(
            String subscriptionId, String resourceGroup, String after, int limit) {
        List<PeeringEntity> page = peerings.pageByResourceGroup(subscriptionId, resourceGroup, after, limit);
        page.forEach(PeeringService::loaded);
        return page;
    }

    public List<PeeringEntity> pageBySubscription(String subscriptionId, String after, int limit) {
        List<PeeringEntity> page = peerings.pageBySubscription(subscriptionId, after, limit);
        page.forEach(PeeringService::loaded);
        return page;
    }

    private static PeeringEntity loaded(PeeringEntity e) {
        Hibernate.initialize(e.connections);
        return e;
    }

    public PeeringEntity updateTags(
            String subscriptionId, String resourceGroup, String name, Map<String, String> tags, String correlationId) {
        PeeringEntity e = peerings.findByNameForUpdate(subscriptionId, resourceGroup, name)
                .orElseThrow(() -> ArmException.notFound("peering", name));
        requireMutable(e);
        e.tags = PeeringMapper.writeTags(tags);
        e.updatedAt = time.now();
        publisher.publish(e, PeeringEvent.UPDATED, e.provisioningState.name(), List.of(), correlationId);
        return loaded(e);
    }

    /**
     * A peer's DELETE: refused with the seed's message when the peering exists.
     *
     * @return false when there is no such peering
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean refuseDelete(String subscriptionId, String resourceGroup, String name) {
        if (peerings.findByName(subscriptionId, resourceGroup, name).isEmpty()) {
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
    public Optional<PeeringEntity> deprovision(
            String subscriptionId, String resourceGroup, String name, String correlationId) {
        PeeringEntity e = peerings.findByNameForUpdate(subscriptionId, resourceGroup, name)
                .orElseThrow(() -> ArmException.notFound("peering", name));
        if (e.provisioningState == ProvisioningState.Deleting) {
            return Optional.of(loaded(e));
        }
        String previous = e.provisioningState.name();
        // connections never handed off exist only here: they go with the request
        e.connections.removeIf(c -> !c.requested);
        e.provisioningState = ProvisioningState.Deleting;
        e.waitingOnPeerAsn = false;
        e.updatedAt = time.now();
        publisher.publish(e, PeeringEvent.DEPROVISION_REQUESTED, previous, e.connections, correlationId);
        if (e.connections.isEmpty()) {
            removePeering(e, correlationId);
            return Optional.empty();
        }
        return Optional.of(loaded(e));
    }

    /** Deletes the peering and publishes that it is gone; the caller holds its lock. */
    public void removePeering(PeeringEntity e, String correlationId) {
        peerings.delete(e);
        publisher.publish(e, PeeringEvent.DELETED, ProvisioningState.Deleting.name(), List.of(), correlationId);
    }

    public Agreement agreement(String subscriptionId) {
        return new Agreement(subscriptionId, agreements.grantedAt(subscriptionId));
    }

    public Agreement grantAgreement(String subscriptionId, String correlationId) {
        agreements.grant(subscriptionId, time.now(), correlationId);
        return agreement(subscriptionId);
    }

    public boolean revokeAgreement(String subscriptionId) {
        return agreements.revoke(subscriptionId);
    }

    /** The PeerAsn is Approved: every connection not yet handed off is requested now. */
    public void handOff(PeeringEntity e, String correlationId) {
        String previous = e.provisioningState.name();
        e.waitingOnPeerAsn = false;
        e.provisioningState = ProvisioningState.Succeeded;
        e.updatedAt = time.now();
        List<ConnectionEntity> pending =
                e.connections.stream().filter(c -> !c.requested).toList();
        pending.forEach(c -> c.requested = true);
        publisher.publish(e, PeeringEvent.CONNECTIONS_REQUESTED, previous, pending, correlationId);
    }

    private void request(PeeringEntity e, List<ConnectionEntity> added, String correlationId) {
        added.forEach(c -> c.requested = true);
        publisher.publish(e, PeeringEvent.CONNECTIONS_REQUESTED, e.provisioningState.name(), added, correlationId);
    }

    private ConnectionEntity newConnection(PeeringEntity peering, PeeringSpec.NewConnection spec, boolean agreement) {
        connectionRules.validate(spec.field(), peering.peeringLocation, spec.config());
        ConnectionRules.useForPeeringService(spec.field(), spec.config().useForPeeringService(), agreement);
        ConnectionEntity c = new ConnectionEntity();
        c.id = UUID.randomUUID().toString();
        c.peering = peering;
        c.connectionIdentifier = spec.connectionIdentifier() != null
                ? spec.connectionIdentifier()
                : UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        c.position = peering.nextPosition();
        c.peeringDBFacilityId = spec.config().peeringDBFacilityId();
        c.bandwidthInMbps = spec.config().bandwidthInMbps();
        c.provisionedBandwidthInMbps = 0;
        c.sessionAddressProvider = spec.config().sessionAddressProvider();
        c.useForPeeringService = Boolean.TRUE.equals(spec.config().useForPeeringService());
        var s = spec.config().bgpSession();
        c.sessionPrefixV4 = s.sessionPrefixV4();
        c.sessionPrefixV6 = s.sessionPrefixV6();
        c.microsoftSessionIPv4Address = s.microsoftSessionIPv4Address();
        c.microsoftSessionIPv6Address = s.microsoftSessionIPv6Address();
        c.peerSessionIPv4Address = s.peerSessionIPv4Address();
        c.peerSessionIPv6Address = s.peerSessionIPv6Address();
        c.maxPrefixesAdvertisedV4 = s.maxPrefixesAdvertisedV4();
        c.maxPrefixesAdvertisedV6 = s.maxPrefixesAdvertisedV6();
        c.md5AuthenticationKey = spec.md5AuthenticationKey();
        c.md5Configured = spec.md5AuthenticationKey() != null;
        c.connectionState = PENDING_APPROVAL;
        c.sessionStateV4 = s.sessionPrefixV4() != null ? "PendingAdd" : "None";
        c.sessionStateV6 = s.sessionPrefixV6() != null ? "PendingAdd" : "None";
        c.requested = false;
        return c;
    }

    /** An existing connection changes through connection-service's sub-resource, not through the peering's PUT. */
    private static void requireSameConfiguration(PeeringSpec.NewConnection spec, ConnectionEntity c) {
        var config = spec.config();
        var s = config.bgpSession();
        boolean same = eq(config.peeringDBFacilityId(), c.peeringDBFacilityId)
                && eq(config.bandwidthInMbps(), c.bandwidthInMbps)
                && (config.sessionAddressProvider() == null
                        || config.sessionAddressProvider().equals(c.sessionAddressProvider))
                && (config.useForPeeringService() == null || config.useForPeeringService() == c.useForPeeringService)
                && s != null
                && eqText(s.sessionPrefixV4(), c.sessionPrefixV4)
                && eqText(s.sessionPrefixV6(), c.sessionPrefixV6)
                && eqText(s.microsoftSessionIPv4Address(), c.microsoftSessionIPv4Address)
                && eqText(s.microsoftSessionIPv6Address(), c.microsoftSessionIPv6Address)
                && eqText(s.peerSessionIPv4Address(), c.peerSessionIPv4Address)
                && eqText(s.peerSessionIPv6Address(), c.peerSessionIPv6Address);
        if (!same) {
            throw ArmException.badRequest(
                    "ConnectionChangeNotAllowed",
                    "'" + spec.field() + "' changes the existing connection '" + c.connectionIdentifier + "'. A PUT"
                            + " on the peering adds connections only; add a session with PATCH on"
                            + " .../connections/" + c.connectionIdentifier + ", or remove the connection with DELETE"
                            + " .../connections/" + c.connectionIdentifier + "?confirm=yes and add a new one.");
        }
    }

    private static boolean eq(Integer sent, int stored) {
        return sent != null && sent == stored;
    }

    private static boolean eqText(String sent, String stored) {
        return sent == null ? stored == null : sent.equalsIgnoreCase(stored);
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
