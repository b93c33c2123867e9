package dev.peering.connection.domain;

import dev.peering.connection.api.ConnectionMapper;
import dev.peering.connection.config.ProvisioningConfig;
import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.connection.persistence.ConnectionRepository;
import dev.peering.connection.persistence.PeeringViewEntity;
import dev.peering.connection.persistence.PeeringViewRepository;
import dev.peering.core.ArmException;
import dev.peering.events.CloudEvent;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.MalformedEventException;
import dev.peering.events.PeeringEvent;
import dev.peering.platform.outbox.Outbox;
import dev.peering.platform.time.TimeSource;
import dev.peering.reference.BgpSessionConfig;
import dev.peering.reference.ConnectionConfig;
import dev.peering.reference.ConnectionRules;
import dev.peering.reference.PeeringLocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Connections of peerings: created from peering events or added by the peer, moved through the state
 * machine by the provisioner and the operator, removed on confirmation; every change is an event on
 * the connection topic, written with the change.
 */
@ApplicationScoped
@Transactional
public class ConnectionService {

    /** The word a peer types to confirm a removal, as in the portal. */
    public static final String CONFIRMATION = "yes";

    static final String CONTACT_OPERATOR =
            "contact Microsoft peering (peeringexperience@microsoft.com); this operation is not available to peers";

    private static final int MAX_ERROR_MESSAGE = 1000;

    @Inject
    ConnectionRepository connections;

    @Inject
    PeeringViewRepository peerings;

    @Inject
    Outbox outbox;

    @Inject
    ProvisioningConfig config;

    @Inject
    TimeSource time;

    @Inject
    PeeringLocations locations;

    @Inject
    ConnectionRules rules;

    /** IPv4 or IPv6, as the session operations name them. */
    public enum Family {
        IPv4,
        IPv6;

        public static Family parse(String text) {
            for (Family f : values()) {
                if (f.name().equals(text)) {
                    return f;
                }
            }
            throw ArmException.badRequest(
                    "InvalidQueryParameter",
                    "family must be IPv4 or IPv6 (was " + (text == null ? "missing" : "'" + text + "'") + ").");
        }
    }

    // ---- reads

    @Transactional(Transactional.TxType.SUPPORTS)
    public PeeringViewEntity peering(String subscriptionId, String resourceGroup, String peeringName) {
        PeeringViewEntity p =
                peerings.findById(PeeringViewEntity.resourceId(subscriptionId, resourceGroup, peeringName));
        if (p == null) {
            throw ArmException.notFound("peering", peeringName);
        }
        return p;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ConnectionEntity get(String subscriptionId, String resourceGroup, String peeringName, String identifier) {
        PeeringViewEntity p = peering(subscriptionId, resourceGroup, peeringName);
        return connections
                .find(p.peeringId, identifier)
                .orElseThrow(() -> ArmException.notFound("connection", identifier));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConnectionEntity> page(
            String subscriptionId, String resourceGroup, String peeringName, String after, int limit) {
        PeeringViewEntity p = peering(subscriptionId, resourceGroup, peeringName);
        return connections.page(p.peeringId, after, limit);
    }

    // ---- the peer's modifications

    /** Adds a connection to an existing peering: it starts at PendingApproval and runs like the others. */
    public ConnectionEntity add(
            String subscriptionId,
            String resourceGroup,
            String peeringName,
            String identifier,
            ConnectionConfig requested,
            boolean md5Given,
            String correlationId) {
        PeeringViewEntity p = lockPeering(subscriptionId, resourceGroup, peeringName);
        switch (p.provisioningState == null ? "" : p.provisioningState) {
            case "Failed" -> throw ArmException.conflict(
                    "PeeringFailed", "Peering '" + peeringName + "' failed; a connection cannot be added to it.");
            case "Deleting" -> throw ArmException.conflict(
                    "PeeringIsDeprovisioning",
                    "Peering '" + peeringName + "' is being deprovisioned; a connection cannot be added to it.");
            case "Updating" -> throw ArmException.conflict(
                    "PeeringNotReady",
                    "Peering '" + peeringName + "' waits for its PeerAsn's approval; add the connection once the"
                            + " peering is Succeeded.");
            default -> {
                // Succeeded: connections can be added
            }
        }
        rules.validate("connection", p.peeringLocation, requested);
        ConnectionRules.useForPeeringService(
                "connection", requested.useForPeeringService(), hasPeeringServiceAgreement(subscriptionId));
        Optional<ConnectionEntity> existing = connections.find(p.peeringId, identifier);
        if (existing.isPresent() && existing.get().connectionState != ConnectionState.ProvisioningFailed) {
            throw ArmException.conflict(
                    "ConnectionAlreadyExists",
                    "Peering '" + peeringName + "' already has connection '" + identifier
                            + "'; add a session with PATCH, or choose another connectionIdentifier. (Only a"
                            + " ProvisioningFailed connection can be corrected with PUT.)");
        }
        BgpSessionConfig s = requested.bgpSession();
        PeeringEvent.Connection c = new PeeringEvent.Connection(
                identifier,
                requested.peeringDBFacilityId(),
                requested.bandwidthInMbps(),
                requested.sessionAddressProvider(),
                Boolean.TRUE.equals(requested.useForPeeringService()),
                s.sessionPrefixV4(),
                s.sessionPrefixV6(),
                s.microsoftSessionIPv4Address(),
                s.microsoftSessionIPv6Address(),
                s.peerSessionIPv4Address(),
                s.peerSessionIPv6Address(),
                s.maxPrefixesAdvertisedV4(),
                s.maxPrefixesAdvertisedV6(),
                md5Given);
        if (existing.isPresent()) {
            return correct(lockConnection(subscriptionId, resourceGroup, peeringName, identifier), c, correlationId);
        }
        return create(p, c, "connection added by the peer", correlationId);
    }

    /**
     * The peer corrects a connection that failed provisioning (its addresses, say): the new configuration
     * replaces the old, and provisioning is retried at once, through the same transition as the
     * operator's retry.
     */
    private ConnectionEntity correct(ConnectionEntity e, PeeringEvent.Connection c, String correlationId) {
        if (e.connectionState != ConnectionState.ProvisioningFailed) {
            throw ArmException.conflict(
                    "ConnectionAlreadyExists",
                    "Connection '" + e.connectionIdentifier + "' is " + e.connectionState
                            + "; only a ProvisioningFailed connection can be corrected with PUT.");
        }
        configure(e, c);
        e.correlationId = correlationId;
        move(e, ConnectionState.ProvisioningStarted, "configuration corrected by the peer; provisioning retried", null);
        return e;
    }

    /** Whether the connection was created by the request at hand (a corrected one was not). */
    public static boolean isNew(ConnectionEntity e) {
        return e.connectionState == ConnectionState.PendingApproval;
    }

    /** Adds an IPv4 or IPv6 session to an Active connection (the portal's "Edit connection"). */
    public ConnectionEntity addSession(
            String subscriptionId,
            String resourceGroup,
            String peeringName,
            String identifier,
            BgpSessionConfig session,
            boolean md5Given,
            String correlationId) {
        rules.validateBgpSession("bgpSession", session);
        ConnectionEntity e = lockConnection(subscriptionId, resourceGroup, peeringName, identifier);
        requireActive(e, "a session can be added to an Active connection only");
        boolean v4 = session.sessionPrefixV4() != null
                || session.microsoftSessionIPv4Address() != null
                || session.peerSessionIPv4Address() != null;
        boolean v6 = session.sessionPrefixV6() != null
                || session.microsoftSessionIPv6Address() != null
                || session.peerSessionIPv6Address() != null;
        if (v4 && e.sessionStateV4 != SessionState.None) {
            throw sessionExists(e, Family.IPv4);
        }
        if (v6 && e.sessionStateV6 != SessionState.None) {
            throw sessionExists(e, Family.IPv6);
        }
        SessionAddresses merged = new SessionAddresses(
                e.resourceId(),
                v4 ? session.sessionPrefixV4() : e.sessionPrefixV4,
                v6 ? session.sessionPrefixV6() : e.sessionPrefixV6,
                v4 ? session.microsoftSessionIPv4Address() : e.microsoftSessionIPv4Address,
                v6 ? session.microsoftSessionIPv6Address() : e.microsoftSessionIPv6Address,
                v4 ? session.peerSessionIPv4Address() : e.peerSessionIPv4Address,
                v6 ? session.peerSessionIPv6Address() : e.peerSessionIPv6Address,
                v4 ? session.maxPrefixesAdvertisedV4() : e.maxPrefixesAdvertisedV4,
                v6 ? session.maxPrefixesAdvertisedV6() : e.maxPrefixesAdvertisedV6);
        List<String> findings = FacilityChecks.check(
                e.peeringDBFacilityId, locations.facility(e.peeringDBFacilityId), merged, othersAtFacility(e));
        if (!findings.isEmpty()) {
            throw ArmException.badRequest("InvalidRequestContent", String.join(" ", findings));
        }
        SessionState previousV4 = e.sessionStateV4;
        SessionState previousV6 = e.sessionStateV6;
        if (v4) {
            e.sessionPrefixV4 = session.sessionPrefixV4();
            e.microsoftSessionIPv4Address = session.microsoftSessionIPv4Address();
            e.peerSessionIPv4Address = session.peerSessionIPv4Address();
            e.maxPrefixesAdvertisedV4 = session.maxPrefixesAdvertisedV4();
            e.sessionStateV4 = SessionState.PendingAdd;
        }
        if (v6) {
            e.sessionPrefixV6 = session.sessionPrefixV6();
            e.microsoftSessionIPv6Address = session.microsoftSessionIPv6Address();
            e.peerSessionIPv6Address = session.peerSessionIPv6Address();
            e.maxPrefixesAdvertisedV6 = session.maxPrefixesAdvertisedV6();
            e.sessionStateV6 = SessionState.PendingAdd;
        }
        e.md5Configured = e.md5Configured || md5Given;
        e.correlationId = correlationId;
        OffsetDateTime now = time.now();
        e.updatedAt = now;
        schedule(e, now);
        publishSession(e, v4 ? previousV4 : null, v6 ? previousV6 : null, "session added by the peer", now);
        return e;
    }

    /**
     * Removes a connection once the peer confirmed with {@value #CONFIRMATION}: its sessions go to
     * PendingRemove now, and the provisioner's next step decommissions it.
     *
     * @return the connection being removed, empty when there was none
     */
    public Optional<ConnectionEntity> remove(
            String subscriptionId,
            String resourceGroup,
            String peeringName,
            String identifier,
            String confirm,
            String correlationId) {
        if (!CONFIRMATION.equals(confirm)) {
            throw ArmException.badRequest(
                    "ConfirmationRequired",
                    "Removing connection '" + identifier + "' cannot be undone; confirm it with ?confirm=yes.");
        }
        PeeringViewEntity p = peering(subscriptionId, resourceGroup, peeringName);
        Optional<ConnectionEntity> found = connections.findForUpdate(p.peeringId, identifier);
        found.ifPresent(e -> decommission(e, "removal confirmed by the peer", correlationId));
        return found;
    }

    /** The operator removes one session of an Active connection; a peer is refused and told whom to contact. */
    public ConnectionEntity removeSession(
            String subscriptionId,
            String resourceGroup,
            String peeringName,
            String identifier,
            Family family,
            boolean operator,
            String correlationId) {
        if (!operator) {
            throw ArmException.forbidden(
                    "OperatorActionRequired",
                    "Removing an IPv4 or IPv6 session is not supported for peers: " + CONTACT_OPERATOR + ".");
        }
        ConnectionEntity e = lockConnection(subscriptionId, resourceGroup, peeringName, identifier);
        requireActive(e, "a session can be removed from an Active connection only");
        SessionState mine = family == Family.IPv4 ? e.sessionStateV4 : e.sessionStateV6;
        SessionState other = family == Family.IPv4 ? e.sessionStateV6 : e.sessionStateV4;
        if (mine == SessionState.None) {
            throw ArmException.conflict(
                    "SessionNotFound", "Connection '" + identifier + "' has no " + family + " session.");
        }
        if (mine == SessionState.PendingRemove) {
            return e;
        }
        if (other == SessionState.None || other == SessionState.PendingRemove) {
            throw ArmException.conflict(
                    "LastSession",
                    "The " + family + " session is the last session of connection '" + identifier
                            + "'; remove the connection instead (DELETE with ?confirm=yes).");
        }
        OffsetDateTime now = time.now();
        if (family == Family.IPv4) {
            e.sessionStateV4 = SessionState.PendingRemove;
        } else {
            e.sessionStateV6 = SessionState.PendingRemove;
        }
        e.correlationId = correlationId;
        e.updatedAt = now;
        schedule(e, now);
        publishSession(
                e,
                family == Family.IPv4 ? mine : null,
                family == Family.IPv6 ? mine : null,
                "session removal requested by the peering operator",
                now);
        return e;
    }

    // ---- the operator's actions

    public ConnectionEntity act(
            String subscriptionId,
            String resourceGroup,
            String peeringName,
            String identifier,
            OperatorAction action,
            String reason,
            String correlationId) {
        ConnectionEntity e = lockConnection(subscriptionId, resourceGroup, peeringName, identifier);
        ConnectionState target = action.target();
        if (action == OperatorAction.UNBLOCK) {
            if (e.connectionState != ConnectionState.ExternalBlocker) {
                throw ArmException.conflict(
                        ConnectionStateMachine.INVALID_TRANSITION,
                        "Connection '" + identifier + "' is " + e.connectionState
                                + ", not blocked; nothing to unblock.");
            }
            target = e.blockedState;
        }
        String why = reason == null ? action.reason() : action.reason() + ": " + reason;
        e.correlationId = correlationId;
        move(e, target, why, action == OperatorAction.FAIL ? reason : null);
        return e;
    }

    // ---- the provisioner

    /**
     * Takes the next step of up to {@code limit} connections whose step is due, each with its event,
     * in this one transaction.
     *
     * @return how many connections were advanced
     */
    public int advanceDue(int limit) {
        List<ConnectionEntity> due = connections.claimDue(time.now(), limit);
        for (ConnectionEntity e : due) {
            step(e);
        }
        return due.size();
    }

    // Each simulated step is the transition an operator could make by hand; the reasons say "simulated"
    // where nothing real happened.
    private void step(ConnectionEntity e) {
        if (e.decommissioning) {
            connections.delete(e);
            OffsetDateTime now = time.now();
            publish(
                    e,
                    ConnectionEvent.REMOVED,
                    ConnectionMapper.toEvent(
                            e,
                            e.connectionState.name(),
                            e.sessionStateV4.name(),
                            e.sessionStateV6.name(),
                            "decommissioned (simulated: no cross-connect to take down)",
                            now));
            return;
        }
        switch (e.connectionState) {
            case PendingApproval -> {
                if (config.autoApprove()) {
                    move(e, ConnectionState.Approved, "approved (simulated: auto-approve is on)", null);
                } else {
                    e.nextStepAt = null;
                }
            }
            case Approved -> move(e, ConnectionState.ProvisioningStarted, "cross-connect ordered (simulated)", null);
            case ProvisioningStarted -> {
                e.provisionedBandwidthInMbps = e.bandwidthInMbps;
                move(e, ConnectionState.ProvisioningCompleted, "cross-connect in place (simulated)", null);
            }
            case ProvisioningCompleted -> move(
                    e, ConnectionState.Validating, "checking the configuration against the facility", null);
            case Validating -> validate(e);
            case TypeChangeRequested -> move(
                    e, ConnectionState.TypeChangeInProgress, "type change under way (simulated)", null);
            case TypeChangeInProgress -> move(e, ConnectionState.Active, "type change done (simulated)", null);
            case Active -> stepSessions(e);
            default -> e.nextStepAt = null;
        }
    }

    private void validate(ConnectionEntity e) {
        List<String> findings = FacilityChecks.check(
                e.peeringDBFacilityId,
                locations.facility(e.peeringDBFacilityId),
                ConnectionMapper.toAddresses(e),
                othersAtFacility(e));
        if (findings.isEmpty()) {
            move(e, ConnectionState.Active, "validation passed against the facility's reference data", null);
        } else {
            String message = String.join(" ", findings);
            if (message.length() > MAX_ERROR_MESSAGE) {
                message = message.substring(0, MAX_ERROR_MESSAGE - 3) + "...";
            }
            move(e, ConnectionState.ProvisioningFailed, "validation failed", message);
        }
    }

    // The simulated BGP finite-state machine: one state per step, for each configured family.
    private void stepSessions(ConnectionEntity e) {
        OffsetDateTime now = time.now();
        SessionState v4 = e.sessionStateV4;
        if (v4 == SessionState.PendingRemove) {
            e.sessionStateV4 = SessionState.None;
            e.sessionPrefixV4 = null;
            e.microsoftSessionIPv4Address = null;
            e.peerSessionIPv4Address = null;
            e.maxPrefixesAdvertisedV4 = null;
            publishSession(e, v4, null, "IPv4 session removed (simulated)", now);
        } else if (v4.isComingUp()) {
            e.sessionStateV4 = v4.nextSimulated().orElseThrow();
            publishSession(e, v4, null, "IPv4 session " + e.sessionStateV4 + " (simulated BGP)", now);
        }
        SessionState v6 = e.sessionStateV6;
        if (v6 == SessionState.PendingRemove) {
            e.sessionStateV6 = SessionState.None;
            e.sessionPrefixV6 = null;
            e.microsoftSessionIPv6Address = null;
            e.peerSessionIPv6Address = null;
            e.maxPrefixesAdvertisedV6 = null;
            publishSession(e, null, v6, "IPv6 session removed (simulated)", now);
        } else if (v6.isComingUp()) {
            e.sessionStateV6 = v6.nextSimulated().orElseThrow();
            publishSession(e, null, v6, "IPv6 session " + e.sessionStateV6 + " (simulated BGP)", now);
        }
        e.updatedAt = now;
        schedule(e, now);
    }

    // ---- peering events

    /** Keeps the view of peerings and creates or decommissions the connections peering events ask for. */
    public void onPeeringEvent(CloudEvent event) {
        PeeringEvent data = event.dataAs(PeeringEvent.class);
        if (data.peeringId() == null || data.subscriptionId() == null) {
            throw new MalformedEventException(
                    "peering event " + event.id() + " has no peeringId or subscriptionId", null);
        }
        switch (event.type()) {
            case PeeringEvent.CREATED, PeeringEvent.UPDATED, PeeringEvent.FAILED -> upsertView(event, data);
            case PeeringEvent.CONNECTIONS_REQUESTED -> {
                PeeringViewEntity p = upsertView(event, data);
                for (PeeringEvent.Connection c : listed(event, data)) {
                    if (connections.find(p.peeringId, c.connectionIdentifier()).isEmpty()) {
                        create(p, c, "connection requested with the peering", event.correlationid());
                    }
                }
            }
            case PeeringEvent.CONNECTION_REMOVAL_REQUESTED -> {
                for (PeeringEvent.Connection c : listed(event, data)) {
                    connections
                            .findForUpdate(data.peeringId(), c.connectionIdentifier())
                            .ifPresent(
                                    e -> decommission(e, "removal requested with the peering", event.correlationid()));
                }
            }
            case PeeringEvent.DEPROVISION_REQUESTED -> connections
                    .ofPeeringForUpdate(data.peeringId())
                    .forEach(e -> decommission(e, "peering deprovisioned by the operator", event.correlationid()));
            case PeeringEvent.DELETED -> {
                connections
                        .ofPeeringForUpdate(data.peeringId())
                        .forEach(e -> decommission(e, "peering deleted", event.correlationid()));
                peerings.deleteById(data.peeringId());
            }
            default -> throw new MalformedEventException("unknown peering event type '" + event.type() + "'", null);
        }
    }

    private static List<PeeringEvent.Connection> listed(CloudEvent event, PeeringEvent data) {
        List<PeeringEvent.Connection> list = data.connections() == null ? List.of() : data.connections();
        for (PeeringEvent.Connection c : list) {
            if (c == null
                    || c.connectionIdentifier() == null
                    || c.connectionIdentifier().isBlank()) {
                throw new MalformedEventException(
                        "peering event " + event.id() + " lists a connection without connectionIdentifier", null);
            }
        }
        return list;
    }

    private PeeringViewEntity upsertView(CloudEvent event, PeeringEvent data) {
        PeeringViewEntity p = peerings.findById(data.peeringId(), LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            if (data.resourceGroup() == null || data.name() == null) {
                throw new MalformedEventException(
                        "peering event " + event.id() + " has no resourceGroup or name", null);
            }
            p = new PeeringViewEntity();
            p.peeringId = data.peeringId();
            p.subscriptionId = data.subscriptionId();
            p.resourceGroup = data.resourceGroup();
            p.name = data.name();
            peerings.persist(p);
        }
        if (data.peeringLocation() != null) {
            p.peeringLocation = data.peeringLocation();
        }
        if (data.provisioningState() != null) {
            p.provisioningState = data.provisioningState();
        }
        return p;
    }

    // ---- helpers

    private ConnectionEntity create(
            PeeringViewEntity p, PeeringEvent.Connection c, String reason, String correlationId) {
        OffsetDateTime now = time.now();
        ConnectionEntity e = new ConnectionEntity();
        e.id = UUID.randomUUID().toString();
        e.peeringId = p.peeringId;
        e.subscriptionId = p.subscriptionId;
        e.connectionIdentifier = c.connectionIdentifier();
        configure(e, c);
        e.connectionState = ConnectionState.PendingApproval;
        e.correlationId = correlationId;
        e.createdAt = now;
        e.updatedAt = now;
        schedule(e, now);
        connections.persist(e);
        publish(e, ConnectionEvent.STATE_CHANGED, ConnectionMapper.toEvent(e, null, null, null, reason, now));
        return e;
    }

    /** Takes a connection's configuration; its sessions start again from PendingAdd. */
    private static void configure(ConnectionEntity e, PeeringEvent.Connection c) {
        e.peeringDBFacilityId = c.peeringDBFacilityId();
        e.bandwidthInMbps = c.bandwidthInMbps();
        e.sessionAddressProvider =
                c.sessionAddressProvider() == null ? ConnectionRules.PEER : c.sessionAddressProvider();
        e.useForPeeringService = c.useForPeeringService();
        e.sessionPrefixV4 = c.sessionPrefixV4();
        e.sessionPrefixV6 = c.sessionPrefixV6();
        e.microsoftSessionIPv4Address = c.microsoftSessionIPv4Address();
        e.microsoftSessionIPv6Address = c.microsoftSessionIPv6Address();
        e.peerSessionIPv4Address = c.peerSessionIPv4Address();
        e.peerSessionIPv6Address = c.peerSessionIPv6Address();
        e.maxPrefixesAdvertisedV4 = c.maxPrefixesAdvertisedV4();
        e.maxPrefixesAdvertisedV6 = c.maxPrefixesAdvertisedV6();
        e.md5Configured = c.md5AuthenticationKeyConfigured();
        e.sessionStateV4 = e.hasV4() ? SessionState.PendingAdd : SessionState.None;
        e.sessionStateV6 = e.hasV6() ? SessionState.PendingAdd : SessionState.None;
    }

    private void move(ConnectionEntity e, ConnectionState target, String reason, String errorMessage) {
        if (e.decommissioning) {
            throw ArmException.conflict(
                    "ConnectionBeingRemoved",
                    "Connection '" + e.connectionIdentifier + "' is being removed; its state can no longer change.");
        }
        OffsetDateTime now = time.now();
        Transition t = ConnectionStateMachine.apply(
                new ConnectionStateMachine.Current(
                        e.connectionIdentifier, e.connectionState, e.blockedState, e.lastFailureTimeUtc),
                target,
                reason,
                errorMessage,
                now);
        e.connectionState = t.next();
        e.blockedState = t.blockedState();
        e.errorMessage = t.errorMessage();
        e.lastFailureTimeUtc = t.lastFailureTimeUtc();
        e.updatedAt = now;
        schedule(e, now);
        publish(
                e,
                ConnectionEvent.STATE_CHANGED,
                ConnectionMapper.toEvent(e, t.previous().name(), null, null, reason, now));
    }

    private void decommission(ConnectionEntity e, String reason, String correlationId) {
        if (e.decommissioning) {
            return;
        }
        OffsetDateTime now = time.now();
        SessionState v4 = e.sessionStateV4;
        SessionState v6 = e.sessionStateV6;
        e.decommissioning = true;
        if (v4 != SessionState.None) {
            e.sessionStateV4 = SessionState.PendingRemove;
        }
        if (v6 != SessionState.None) {
            e.sessionStateV6 = SessionState.PendingRemove;
        }
        e.correlationId = correlationId;
        e.updatedAt = now;
        schedule(e, now);
        publishSession(e, v4, v6, reason, now);
    }

    /** Sets when the provisioner takes this connection's next step; null when nothing is automatic. */
    private void schedule(ConnectionEntity e, OffsetDateTime now) {
        if (e.decommissioning) {
            e.nextStepAt = now.plus(config.stepDelay());
            return;
        }
        e.nextStepAt = switch (e.connectionState) {
            case PendingApproval -> config.autoApprove() ? now.plus(config.stepDelay()) : null;
            case Approved,
                    ProvisioningStarted,
                    ProvisioningCompleted,
                    Validating,
                    TypeChangeRequested,
                    TypeChangeInProgress -> now.plus(config.stepDelay());
            case Active -> sessionsMoving(e) ? now.plus(config.sessionStepDelay()) : null;
            case ProvisioningFailed, ExternalBlocker -> null;};
    }

    private static boolean sessionsMoving(ConnectionEntity e) {
        return e.sessionStateV4.isComingUp()
                || e.sessionStateV6.isComingUp()
                || e.sessionStateV4 == SessionState.PendingRemove
                || e.sessionStateV6 == SessionState.PendingRemove;
    }

    private void publishSession(
            ConnectionEntity e, SessionState previousV4, SessionState previousV6, String reason, OffsetDateTime now) {
        publish(
                e,
                ConnectionEvent.SESSION_STATE_CHANGED,
                ConnectionMapper.toEvent(
                        e,
                        e.connectionState.name(),
                        previousV4 == null ? null : previousV4.name(),
                        previousV6 == null ? null : previousV6.name(),
                        reason,
                        now));
    }

    private void publish(ConnectionEntity e, String type, ConnectionEvent data) {
        outbox.publish(e.peeringId, type, e.resourceId(), e.subscriptionId, e.correlationId, data);
    }

    private PeeringViewEntity lockPeering(String subscriptionId, String resourceGroup, String peeringName) {
        PeeringViewEntity p = peerings.findById(
                PeeringViewEntity.resourceId(subscriptionId, resourceGroup, peeringName),
                LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ArmException.notFound("peering", peeringName);
        }
        return p;
    }

    private ConnectionEntity lockConnection(
            String subscriptionId, String resourceGroup, String peeringName, String identifier) {
        PeeringViewEntity p = peering(subscriptionId, resourceGroup, peeringName);
        return connections
                .findForUpdate(p.peeringId, identifier)
                .orElseThrow(() -> ArmException.notFound("connection", identifier));
    }

    private static void requireActive(ConnectionEntity e, String why) {
        if (e.decommissioning) {
            throw ArmException.conflict(
                    "ConnectionBeingRemoved", "Connection '" + e.connectionIdentifier + "' is being removed.");
        }
        if (e.connectionState != ConnectionState.Active) {
            throw ArmException.conflict(
                    "ConnectionNotActive",
                    "Connection '" + e.connectionIdentifier + "' is " + e.connectionState + ": " + why + ".");
        }
    }

    private static ArmException sessionExists(ConnectionEntity e, Family family) {
        return ArmException.conflict(
                "SessionAlreadyExists",
                "Connection '" + e.connectionIdentifier + "' already has an " + family + " session; to change it, "
                        + CONTACT_OPERATOR + ".");
    }

    private List<SessionAddresses> othersAtFacility(ConnectionEntity e) {
        return connections.liveAtFacility(e.peeringDBFacilityId, e.id).stream()
                .map(ConnectionMapper::toAddresses)
                .toList();
    }

    // A connection of this subscription already uses Peering Service only if peering-service, which owns
    // the agreement, allowed it; that is the one sign of an agreement that reaches this service.
    private boolean hasPeeringServiceAgreement(String subscriptionId) {
        return connections.count("subscriptionId = ?1 and useForPeeringService = true", subscriptionId) > 0;
    }
}
