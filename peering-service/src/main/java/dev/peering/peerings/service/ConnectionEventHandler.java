package dev.peering.peerings.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.events.CloudEvent;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.MalformedEventException;
import dev.peering.events.PeeringEvent;
import dev.peering.peerings.domain.ConnectionView;
import dev.peering.peerings.domain.ProvisioningState;
import dev.peering.peerings.persistence.ConnectionViewEntity;
import dev.peering.peerings.persistence.ConnectionViewRepository;
import dev.peering.peerings.persistence.PeeringEntity;
import dev.peering.peerings.persistence.PeeringRepository;
import dev.peering.platform.time.TimeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The connection topic: the read model of each peering's connections. REMOVED drops one, and the last
 * one removed from a peering being deprovisioned removes the peering.
 */
@ApplicationScoped
@Transactional
public class ConnectionEventHandler {

    private static final Logger LOG = Logger.getLogger(ConnectionEventHandler.class);

    @Inject
    PeeringRepository peerings;

    @Inject
    ConnectionViewRepository views;

    @Inject
    PeeringService service;

    @Inject
    TimeSource time;

    public void handle(CloudEvent event) {
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
        ConnectionViewEntity c = views.findOf(p, data.connectionIdentifier()).orElseGet(() -> {
            // added through connection-service's sub-resource: the event's snapshot describes it
            ConnectionViewEntity n = new ConnectionViewEntity();
            n.id = UUID.randomUUID().toString();
            n.peering = p;
            n.connectionIdentifier = data.connectionIdentifier();
            n.position = p.nextPosition();
            n.connectionState = ConnectionView.PENDING_APPROVAL;
            n.sessionStateV4 = ConnectionView.SESSION_NONE;
            n.sessionStateV6 = ConnectionView.SESSION_NONE;
            n.sessionAddressProvider = "Peer";
            n.peeringDBFacilityId = data.peeringDBFacilityId();
            p.connections.add(n);
            return n;
        });
        c.requested = true;
        if (data.connection() != null) {
            applySnapshot(data.connection(), c);
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

    /** The connection's configuration as connection-service last described it; a key stored here still counts. */
    private static void applySnapshot(PeeringEvent.Connection snapshot, ConnectionViewEntity c) {
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
