package dev.peering.peering.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.events.CloudEvent;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.MalformedEventException;
import dev.peering.events.PeerAsnEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.peering.persistence.ConnectionEntity;
import dev.peering.peering.persistence.PeerAsnViewEntity;
import dev.peering.peering.persistence.PeerAsnViewRepository;
import dev.peering.peering.persistence.PeeringEntity;
import dev.peering.peering.persistence.PeeringRepository;
import dev.peering.platform.time.TimeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What this service learns from other services' topics: its view of PeerAsns (and what their decisions
 * do to waiting peerings) and the read model of each peering's connections.
 */
@ApplicationScoped
@Transactional
public class PeeringViews {

    private static final Logger LOG = Logger.getLogger(PeeringViews.class);

    @Inject
    PeerAsnViewRepository peerAsns;

    @Inject
    PeeringRepository peerings;

    @Inject
    PeeringService service;

    @Inject
    PeeringPublisher publisher;

    @Inject
    TimeSource time;

    public void onPeerAsnEvent(CloudEvent event) {
        switch (event.type()) {
            case PeerAsnEvent.CREATED, PeerAsnEvent.UPDATED, PeerAsnEvent.VALIDATION_STATE_CHANGED -> upsert(event);
            case PeerAsnEvent.DELETED -> deleted(event);
            default -> throw new MalformedEventException("unknown peer-ASN event type '" + event.type() + "'", null);
        }
    }

    private void upsert(CloudEvent event) {
        PeerAsnEvent data = peerAsnData(event);
        PeerAsnViewEntity view = peerAsns.findForUpdate(data.peerAsnId()).orElseGet(() -> {
            PeerAsnViewEntity v = new PeerAsnViewEntity();
            v.peerAsnId = data.peerAsnId();
            v.peerAsnIdLower = data.peerAsnId().toLowerCase(Locale.ROOT);
            return v;
        });
        view.subscriptionId = data.subscriptionId();
        view.name = data.name();
        view.peerAsn = data.peerAsn();
        view.validationState = data.validationState();
        view.errorMessage = data.errorMessage();
        view.updatedAt = time.now();
        peerAsns.persist(view);
        // flushed before the waiting peerings are read, so the row lock is held from here on
        peerAsns.flush();
        if (PeeringService.APPROVED.equals(data.validationState())) {
            for (PeeringEntity p : peerings.waitingOn(view.peerAsnId)) {
                service.handOff(p, p.correlationId);
            }
        } else if (PeeringService.FAILED.equals(data.validationState())) {
            String reason = "PeerAsn '" + data.name() + "' (AS" + data.peerAsn() + ") failed validation: "
                    + (data.errorMessage() == null ? "no reason given." : data.errorMessage());
            failWaiting(view.peerAsnId, reason);
        }
    }

    private void deleted(CloudEvent event) {
        PeerAsnEvent data = peerAsnData(event);
        Optional<PeerAsnViewEntity> view = peerAsns.findForUpdate(data.peerAsnId());
        view.ifPresent(v -> {
            failWaiting(v.peerAsnId, "PeerAsn '" + data.name() + "' (AS" + data.peerAsn() + ") was deleted.");
            peerAsns.delete(v);
        });
    }

    private void failWaiting(String peerAsnId, String reason) {
        for (PeeringEntity p : peerings.waitingOn(peerAsnId)) {
            String previous = p.provisioningState.name();
            p.waitingOnPeerAsn = false;
            p.provisioningState = ProvisioningState.Failed;
            p.errorMessage = reason;
            p.updatedAt = time.now();
            publisher.publish(p, PeeringEvent.FAILED, previous, List.of(), p.correlationId);
        }
    }

    private static PeerAsnEvent peerAsnData(CloudEvent event) {
        PeerAsnEvent data = event.dataAs(PeerAsnEvent.class);
        if (data.peerAsnId() == null || data.validationState() == null && !PeerAsnEvent.DELETED.equals(event.type())) {
            throw new MalformedEventException(
                    "peer-ASN event " + event.id() + " lacks peerAsnId or validationState", null);
        }
        return data;
    }

    public void onConnectionEvent(CloudEvent event) {
        switch (event.type()) {
            case ConnectionEvent.STATE_CHANGED, ConnectionEvent.SESSION_STATE_CHANGED -> changed(event);
            case ConnectionEvent.REMOVED -> removed(event);
            default -> throw new MalformedEventException("unknown connection event type '" + event.type() + "'", null);
        }
    }

    private void changed(CloudEvent event) {
        ConnectionEvent data = connectionData(event);
        Optional<PeeringEntity> found = peerings.findByResourceIdForUpdate(data.peeringId());
        if (found.isEmpty()) {
            LOG.debugf("connection event %s is about peering %s, unknown here", event.id(), data.peeringId());
            return;
        }
        PeeringEntity p = found.get();
        ConnectionEntity c = p.connection(data.connectionIdentifier()).orElseGet(() -> {
            // added through connection-service's sub-resource: the event's snapshot describes it
            ConnectionEntity n = new ConnectionEntity();
            n.id = UUID.randomUUID().toString();
            n.peering = p;
            n.connectionIdentifier = data.connectionIdentifier();
            n.position = p.nextPosition();
            n.connectionState = PeeringService.PENDING_APPROVAL;
            n.sessionStateV4 = "None";
            n.sessionStateV6 = "None";
            n.sessionAddressProvider = "Peer";
            n.peeringDBFacilityId = data.peeringDBFacilityId();
            p.connections.add(n);
            return n;
        });
        c.requested = true;
        PeeringEvent.Connection snapshot = data.connection();
        if (snapshot != null) {
            c.peeringDBFacilityId = snapshot.peeringDBFacilityId();
            c.bandwidthInMbps = snapshot.bandwidthInMbps();
            if (snapshot.sessionAddressProvider() != null) {
                c.sessionAddressProvider = snapshot.sessionAddressProvider();
            }
            c.useForPeeringService = snapshot.useForPeeringService();
            c.sessionPrefixV4 = snapshot.sessionPrefixV4();
            c.sessionPrefixV6 = snapshot.sessionPrefixV6();
            c.microsoftSessionIPv4Address = snapshot.microsoftSessionIPv4Address();
            c.microsoftSessionIPv6Address = snapshot.microsoftSessionIPv6Address();
            c.peerSessionIPv4Address = snapshot.peerSessionIPv4Address();
            c.peerSessionIPv6Address = snapshot.peerSessionIPv6Address();
            c.maxPrefixesAdvertisedV4 = snapshot.maxPrefixesAdvertisedV4();
            c.maxPrefixesAdvertisedV6 = snapshot.maxPrefixesAdvertisedV6();
            c.md5Configured = snapshot.md5AuthenticationKeyConfigured() || c.md5AuthenticationKey != null;
        }
        if (data.connectionState() != null) {
            c.connectionState = data.connectionState();
        }
        if (data.sessionStateV4() != null) {
            c.sessionStateV4 = data.sessionStateV4();
        }
        if (data.sessionStateV6() != null) {
            c.sessionStateV6 = data.sessionStateV6();
        }
        if (data.provisionedBandwidthInMbps() != null) {
            c.provisionedBandwidthInMbps = data.provisionedBandwidthInMbps();
        }
        c.errorMessage = data.errorMessage();
        p.updatedAt = time.now();
    }

    private void removed(CloudEvent event) {
        ConnectionEvent data = connectionData(event);
        Optional<PeeringEntity> found = peerings.findByResourceIdForUpdate(data.peeringId());
        if (found.isEmpty()) {
            return;
        }
        PeeringEntity p = found.get();
        p.connections.removeIf(c -> c.connectionIdentifier.equalsIgnoreCase(data.connectionIdentifier()));
        p.updatedAt = time.now();
        if (p.provisioningState == ProvisioningState.Deleting && p.connections.isEmpty()) {
            service.removePeering(p, event.correlationid() != null ? event.correlationid() : p.correlationId);
        }
    }

    private static ConnectionEvent connectionData(CloudEvent event) {
        JsonNode d = event.data();
        if (d.path("peeringId").isMissingNode()
                || d.path("connectionIdentifier").isMissingNode()) {
            throw new MalformedEventException(
                    "connection event " + event.id() + " lacks peeringId or connectionIdentifier", null);
        }
        return event.dataAs(ConnectionEvent.class);
    }
}
