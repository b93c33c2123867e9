package dev.peering.registration.domain;

import dev.peering.core.ArmException;
import dev.peering.events.CloudEvent;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.MalformedEventException;
import dev.peering.events.PeeringEvent;
import dev.peering.events.RegistrationEvent;
import dev.peering.platform.outbox.Outbox;
import dev.peering.platform.time.TimeSource;
import dev.peering.registration.api.RegistrationMapper;
import dev.peering.registration.persistence.PeeringViewRepository;
import dev.peering.registration.persistence.PeeringViewRepository.ConnectionView;
import dev.peering.registration.persistence.PeeringViewRepository.PeeringView;
import dev.peering.registration.persistence.RegisteredAsnEntity;
import dev.peering.registration.persistence.RegisteredAsnRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Registered ASNs of a peering and their Prefix Keys, and the view of peerings and connections that
 * decides whether a peering can take registrations.
 */
@ApplicationScoped
@Transactional
public class RegistrationService {

    public static final String ACTIVE = "Active";
    public static final String SUCCEEDED = "Succeeded";

    /** A stored registered ASN and whether the request created it. */
    public record Saved(RegisteredAsnEntity registeredAsn, boolean created) {}

    @Inject
    RegisteredAsnRepository registeredAsns;

    @Inject
    PeeringViewRepository peerings;

    @Inject
    PeeringServiceService peeringServices;

    @Inject
    Outbox outbox;

    @Inject
    TimeSource time;

    /**
     * Registers customer ASN {@code asn} (already checked to be public) under the peering as
     * {@code name}, issuing its Prefix Key; the same request again returns the registration as it is.
     */
    public Saved put(
            String subscriptionId,
            String resourceGroup,
            String peeringName,
            String name,
            long asn,
            String correlationId) {
        PeeringView peering = peerings.findForUpdate(subscriptionId, resourceGroup, peeringName)
                .orElseThrow(() -> ArmException.conflict(
                        "PeeringNotFound",
                        "The peering '" + peeringName + "' does not exist in resource group '" + resourceGroup
                                + "' of this subscription (or it was created moments ago and is not known here"
                                + " yet); create the peering first."));
        Optional<RegisteredAsnEntity> existing = registeredAsns.findByNameForUpdate(peering.peeringId(), name);
        if (existing.isPresent()) {
            RegisteredAsnEntity e = existing.get();
            if (e.asn != asn) {
                throw ArmException.invalidField(
                        "properties.asn",
                        "cannot change from " + e.asn + " to " + asn
                                + "; delete this registered ASN and register the new ASN under a new name.");
            }
            return new Saved(e, false);
        }
        requireLive(peering, peeringName);
        registeredAsns.findByAsn(peering.peeringId(), asn).ifPresent(other -> {
            throw ArmException.conflict(
                    "DuplicateRegisteredAsn",
                    "Duplicate registration of an ASN is not allowed: ASN " + asn
                            + " is already registered under peering '" + peeringName + "' as '" + other.name
                            + "'.");
        });
        requireActiveConnection(peering, peeringName);
        OffsetDateTime now = time.now();
        RegisteredAsnEntity e = new RegisteredAsnEntity();
        e.id = UUID.randomUUID().toString();
        e.peeringId = peering.peeringId();
        e.subscriptionId = subscriptionId;
        e.resourceGroup = resourceGroup;
        e.peeringName = peeringName;
        e.name = name;
        e.asn = asn;
        e.prefixKey = PrefixKeys.issue();
        e.prefixKeyHash = PrefixKeys.hash(e.prefixKey);
        e.provisioningState = SUCCEEDED;
        e.correlationId = correlationId;
        e.createdAt = now;
        e.updatedAt = now;
        registeredAsns.persist(e);
        outbox.publish(
                e.peeringId,
                RegistrationEvent.ASN_REGISTERED,
                e.resourceId(),
                e.subscriptionId,
                correlationId,
                RegistrationMapper.toEvent(e, true, null));
        return new Saved(e, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RegisteredAsnEntity get(String subscriptionId, String resourceGroup, String peeringName, String name) {
        return registeredAsns
                .findByName(RegisteredAsnEntity.peeringId(subscriptionId, resourceGroup, peeringName), name)
                .orElseThrow(() -> ArmException.notFound("registered ASN", name));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegisteredAsnEntity> page(
            String subscriptionId, String resourceGroup, String peeringName, String after, int limit) {
        return registeredAsns.page(
                RegisteredAsnEntity.peeringId(subscriptionId, resourceGroup, peeringName), after, limit);
    }

    /**
     * Deletes the registered ASN and revokes its Prefix Key.
     *
     * @return whether there was a registered ASN to delete
     */
    public boolean delete(
            String subscriptionId, String resourceGroup, String peeringName, String name, String correlationId) {
        Optional<RegisteredAsnEntity> found = registeredAsns.findByNameForUpdate(
                RegisteredAsnEntity.peeringId(subscriptionId, resourceGroup, peeringName), name);
        if (found.isEmpty()) {
            return false;
        }
        revoke(found.get(), RegistrationEvent.REASON_DELETED, correlationId);
        return true;
    }

    /** Keeps the view of peerings; deprovisioning or deleting a peering revokes its registered ASNs. */
    public void onPeeringEvent(CloudEvent event) {
        PeeringEvent data = event.dataAs(PeeringEvent.class);
        if (data.peeringId() == null) {
            throw new MalformedEventException("peering event " + event.id() + " has no peeringId", null);
        }
        switch (event.type()) {
            case PeeringEvent.CREATED -> {
                if (data.subscriptionId() == null || data.resourceGroup() == null || data.name() == null) {
                    throw new MalformedEventException(
                            "peering event " + event.id() + " lacks subscriptionId, resourceGroup or name", null);
                }
                peerings.upsertPeering(
                        data.peeringId(),
                        data.subscriptionId(),
                        data.resourceGroup(),
                        data.name(),
                        PeeringState.Live.name());
            }
            case PeeringEvent.FAILED -> peerings.setState(data.peeringId(), PeeringState.Failed.name());
            case PeeringEvent.DEPROVISION_REQUESTED -> {
                peerings.setState(data.peeringId(), PeeringState.Deprovisioning.name());
                revokeAll(data.peeringId(), event.correlationid());
            }
            case PeeringEvent.DELETED -> {
                revokeAll(data.peeringId(), event.correlationid());
                peerings.deletePeering(data.peeringId());
            }
            case PeeringEvent.UPDATED,
                    PeeringEvent.CONNECTIONS_REQUESTED,
                    PeeringEvent.CONNECTION_REMOVAL_REQUESTED -> {
                // connections are followed on the connection topic; tags do not matter here
            }
            default -> throw new MalformedEventException("unknown peering event type '" + event.type() + "'", null);
        }
    }

    /** Keeps the view of each peering's connections and their connectionState. */
    public void onConnectionEvent(CloudEvent event) {
        ConnectionEvent data = event.dataAs(ConnectionEvent.class);
        if (data.peeringId() == null || data.connectionIdentifier() == null) {
            throw new MalformedEventException(
                    "connection event " + event.id() + " has no peeringId or connectionIdentifier", null);
        }
        switch (event.type()) {
            case ConnectionEvent.STATE_CHANGED, ConnectionEvent.SESSION_STATE_CHANGED -> {
                if (data.connectionState() == null) {
                    throw new MalformedEventException(
                            "connection event " + event.id() + " has no connectionState", null);
                }
                peerings.upsertConnection(data.peeringId(), data.connectionIdentifier(), data.connectionState());
            }
            case ConnectionEvent.REMOVED -> peerings.deleteConnection(data.peeringId(), data.connectionIdentifier());
            default -> throw new MalformedEventException("unknown connection event type '" + event.type() + "'", null);
        }
    }

    private void revokeAll(String peeringId, String correlationId) {
        for (RegisteredAsnEntity e : registeredAsns.allOfPeeringForUpdate(peeringId)) {
            revoke(e, RegistrationEvent.REASON_PEERING_DEPROVISIONED, correlationId);
        }
    }

    private void revoke(RegisteredAsnEntity e, String reason, String correlationId) {
        registeredAsns.delete(e);
        registeredAsns.flush();
        outbox.publish(
                e.peeringId,
                RegistrationEvent.ASN_UNREGISTERED,
                e.resourceId(),
                e.subscriptionId,
                correlationId,
                RegistrationMapper.toEvent(e, false, reason));
        peeringServices.failPrefixesOfRevokedKey(e.prefixKeyHash, correlationId);
    }

    private static void requireLive(PeeringView peering, String peeringName) {
        if (PeeringState.Failed.name().equals(peering.state())) {
            throw ArmException.conflict(
                    "PeeringNotActive",
                    "The peering '" + peeringName + "' failed; customer ASNs can only be registered under a"
                            + " peering that carries traffic.");
        }
        if (PeeringState.Deprovisioning.name().equals(peering.state())) {
            throw ArmException.conflict(
                    "PeeringNotActive",
                    "The peering '" + peeringName + "' is being deprovisioned; customer ASNs cannot be registered"
                            + " under it.");
        }
    }

    private void requireActiveConnection(PeeringView peering, String peeringName) {
        List<ConnectionView> connections = peerings.connections(peering.peeringId());
        if (connections.stream().anyMatch(c -> ACTIVE.equals(c.connectionState()))) {
            return;
        }
        String states = connections.isEmpty()
                ? "no connection has been provisioned yet"
                : "connections: "
                        + connections.stream()
                                .map(c -> c.connectionIdentifier() + " is " + c.connectionState())
                                .collect(Collectors.joining(", "));
        throw ArmException.conflict(
                "NoActiveConnection",
                "The peering '" + peeringName + "' has no Active connection (" + states
                        + "); customer ASNs can be registered once a connection is Active.");
    }
}
