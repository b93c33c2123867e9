package dev.peering.connection.service;

import dev.peering.connection.domain.AddedConnection;
import dev.peering.connection.domain.Connection;
import dev.peering.connection.domain.ConnectionGuards;
import dev.peering.connection.domain.ConnectionRef;
import dev.peering.connection.domain.ConnectionSpec;
import dev.peering.connection.domain.ConnectionState;
import dev.peering.connection.domain.ConnectionStateMachine;
import dev.peering.connection.domain.OperatorAction;
import dev.peering.connection.domain.SessionAddresses;
import dev.peering.connection.domain.SessionFamily;
import dev.peering.connection.domain.SessionState;
import dev.peering.connection.mapping.ConnectionMapper;
import dev.peering.connection.persistence.AgreementViewRepository;
import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.connection.persistence.ConnectionRepository;
import dev.peering.connection.persistence.PeeringViewEntity;
import dev.peering.connection.persistence.PeeringViewRepository;
import dev.peering.core.ArmException;
import dev.peering.core.PeeringRef;
import dev.peering.platform.time.TimeSource;
import dev.peering.reference.BgpSessionConfig;
import dev.peering.reference.ConnectionConfig;
import dev.peering.reference.ConnectionRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What the REST paths ask of connections: the peer's reads and modifications, and the operator's
 * actions. Every command locks the connection's row, so concurrent commands on it run one after the
 * other and the later one sees the earlier one's result.
 */
@ApplicationScoped
@Transactional
public class ConnectionCommands {

    @Inject
    ConnectionRepository connections;

    @Inject
    AgreementViewRepository agreements;

    @Inject
    PeeringViewRepository peerings;

    @Inject
    ConnectionTransitions transitions;

    @Inject
    ConnectionPublisher publisher;

    @Inject
    FacilityReview facility;

    @Inject
    ConnectionRules rules;

    @Inject
    TimeSource time;

    // ---- reads

    @Transactional(Transactional.TxType.SUPPORTS)
    public Connection get(ConnectionRef ref) {
        PeeringViewEntity p = peering(ref.peering());
        return connections
                .find(p.peeringId, ref.connectionIdentifier())
                .map(ConnectionMapper::toConnection)
                .orElseThrow(() -> ArmException.notFound("connection", ref.connectionIdentifier()));
    }

    /** Up to {@code limit} connections of the peering after {@code after}, in identifier order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Connection> page(PeeringRef ref, String after, int limit) {
        PeeringViewEntity p = peering(ref);
        return connections.page(p.peeringId, after, limit).stream()
                .map(ConnectionMapper::toConnection)
                .toList();
    }

    // ---- the peer's modifications

    /**
     * Adds a connection to an existing peering: it starts at PendingApproval and runs like the others.
     * A ProvisioningFailed connection is corrected instead.
     */
    public AddedConnection add(ConnectionRef ref, ConnectionConfig requested, boolean md5Given, String correlationId) {
        String identifier = ref.connectionIdentifier();
        PeeringViewEntity p = lockPeering(ref.peering());
        ConnectionMapper.toView(p).requireOpenForConnections();
        rules.validate("connection", p.peeringLocation, requested);
        ConnectionRules.useForPeeringService(
                "connection",
                requested.useForPeeringService(),
                hasPeeringServiceAgreement(ref.peering().subscriptionId()));
        Optional<ConnectionEntity> existing = connections.find(p.peeringId, identifier);
        if (existing.isPresent() && existing.get().connectionState != ConnectionState.ProvisioningFailed) {
            throw ArmException.conflict(
                    "ConnectionAlreadyExists",
                    "Peering '" + ref.peering().name() + "' already has connection '" + identifier
                            + "'; add a session with PATCH, or choose another connectionIdentifier. (Only a"
                            + " ProvisioningFailed connection can be corrected with PUT.)");
        }
        ConnectionSpec spec = ConnectionSpec.requested(identifier, requested, md5Given);
        if (existing.isPresent()) {
            ConnectionEntity e = correct(lockConnection(ref), spec, correlationId);
            return new AddedConnection(ConnectionMapper.toConnection(e), false);
        }
        ConnectionEntity e = transitions.create(p, spec, "connection added by the peer", correlationId);
        return new AddedConnection(ConnectionMapper.toConnection(e), true);
    }

    /**
     * The peer corrects a connection that failed provisioning (its addresses, say): the new configuration
     * replaces the old, and provisioning is retried at once, through the same transition as the
     * operator's retry.
     */
    private ConnectionEntity correct(ConnectionEntity e, ConnectionSpec spec, String correlationId) {
        if (e.connectionState != ConnectionState.ProvisioningFailed) {
            throw ArmException.conflict(
                    "ConnectionAlreadyExists",
                    "Connection '" + e.connectionIdentifier + "' is " + e.connectionState
                            + "; only a ProvisioningFailed connection can be corrected with PUT.");
        }
        transitions.configure(e, spec);
        e.causedBy(correlationId);
        transitions.move(
                e,
                ConnectionState.ProvisioningStarted,
                "configuration corrected by the peer; provisioning retried",
                null);
        return e;
    }

    /** Adds an IPv4 or IPv6 session to an Active connection (the portal's "Edit connection"). */
    public Connection addSession(ConnectionRef ref, BgpSessionConfig session, boolean md5Given, String correlationId) {
        rules.validateBgpSession("bgpSession", session);
        ConnectionEntity e = lockConnection(ref);
        ConnectionGuards.requireActive(
                e.connectionIdentifier,
                e.decommissioning,
                e.connectionState,
                "a session can be added to an Active connection only");
        boolean v4 = SessionFamily.IPv4.isGivenIn(session);
        boolean v6 = SessionFamily.IPv6.isGivenIn(session);
        if (v4 && e.sessionStateV4 != SessionState.None) {
            throw ConnectionGuards.sessionExists(e.connectionIdentifier, SessionFamily.IPv4);
        }
        if (v6 && e.sessionStateV6 != SessionState.None) {
            throw ConnectionGuards.sessionExists(e.connectionIdentifier, SessionFamily.IPv6);
        }
        SessionAddresses merged = ConnectionMapper.toAddresses(e).withFamiliesOf(session);
        List<String> findings = facility.findings(e, merged);
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
        e.causedBy(correlationId);
        OffsetDateTime now = time.now();
        e.updatedAt = now;
        transitions.schedule(e, now);
        publisher.sessionChanged(e, v4 ? previousV4 : null, v6 ? previousV6 : null, "session added by the peer", now);
        return ConnectionMapper.toConnection(e);
    }

    /**
     * Removes a connection once the peer confirmed with {@value ConnectionGuards#CONFIRMATION}: its
     * sessions go to PendingRemove now, and the provisioner's next step decommissions it.
     *
     * @return the connection being removed, empty when there was none
     */
    public Optional<Connection> remove(ConnectionRef ref, String confirm, String correlationId) {
        ConnectionGuards.requireConfirmation(ref.connectionIdentifier(), confirm);
        PeeringViewEntity p = peering(ref.peering());
        Optional<ConnectionEntity> found = connections.findForUpdate(p.peeringId, ref.connectionIdentifier());
        found.ifPresent(e -> transitions.decommission(e, "removal confirmed by the peer", correlationId));
        return found.map(ConnectionMapper::toConnection);
    }

    /** The operator removes one session of an Active connection; a peer is refused and told whom to contact. */
    public Connection removeSession(ConnectionRef ref, SessionFamily family, boolean operator, String correlationId) {
        ConnectionGuards.requireOperatorForSessionRemoval(operator);
        String identifier = ref.connectionIdentifier();
        ConnectionEntity e = lockConnection(ref);
        ConnectionGuards.requireActive(
                e.connectionIdentifier,
                e.decommissioning,
                e.connectionState,
                "a session can be removed from an Active connection only");
        SessionState mine = family == SessionFamily.IPv4 ? e.sessionStateV4 : e.sessionStateV6;
        SessionState other = family == SessionFamily.IPv4 ? e.sessionStateV6 : e.sessionStateV4;
        if (mine == SessionState.None) {
            throw ArmException.conflict(
                    "SessionNotFound", "Connection '" + identifier + "' has no " + family + " session.");
        }
        if (mine == SessionState.PendingRemove) {
            return ConnectionMapper.toConnection(e);
        }
        if (other == SessionState.None || other == SessionState.PendingRemove) {
            throw ArmException.conflict(
                    "LastSession",
                    "The " + family + " session is the last session of connection '" + identifier
                            + "'; remove the connection instead (DELETE with ?confirm=yes).");
        }
        OffsetDateTime now = time.now();
        if (family == SessionFamily.IPv4) {
            e.sessionStateV4 = SessionState.PendingRemove;
        } else {
            e.sessionStateV6 = SessionState.PendingRemove;
        }
        e.causedBy(correlationId);
        e.updatedAt = now;
        transitions.schedule(e, now);
        publisher.sessionChanged(
                e,
                family == SessionFamily.IPv4 ? mine : null,
                family == SessionFamily.IPv6 ? mine : null,
                "session removal requested by the peering operator",
                now);
        return ConnectionMapper.toConnection(e);
    }

    // ---- the operator's actions

    /** One of the operator's actions, each a transition of the state machine. */
    public Connection act(ConnectionRef ref, OperatorAction action, String reason, String correlationId) {
        ConnectionEntity e = lockConnection(ref);
        ConnectionState target = action.target();
        if (action == OperatorAction.UNBLOCK) {
            if (e.connectionState != ConnectionState.ExternalBlocker) {
                throw ArmException.conflict(
                        ConnectionStateMachine.INVALID_TRANSITION,
                        "Connection '" + ref.connectionIdentifier() + "' is " + e.connectionState
                                + ", not blocked; nothing to unblock.");
            }
            target = e.blockedState;
        }
        String why = reason == null ? action.reason() : action.reason() + ": " + reason;
        e.causedBy(correlationId);
        transitions.move(e, target, why, action == OperatorAction.FAIL ? reason : null);
        return ConnectionMapper.toConnection(e);
    }

    // ---- helpers

    private PeeringViewEntity peering(PeeringRef ref) {
        PeeringViewEntity p = peerings.findById(ref.resourceId());
        if (p == null) {
            throw ArmException.notFound("peering", ref.name());
        }
        return p;
    }

    private PeeringViewEntity lockPeering(PeeringRef ref) {
        PeeringViewEntity p = peerings.findById(ref.resourceId(), LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ArmException.notFound("peering", ref.name());
        }
        return p;
    }

    private ConnectionEntity lockConnection(ConnectionRef ref) {
        PeeringViewEntity p = peering(ref.peering());
        return connections
                .findForUpdate(p.peeringId, ref.connectionIdentifier())
                .orElseThrow(() -> ArmException.notFound("connection", ref.connectionIdentifier()));
    }

    // peering-service owns the agreement; its agreement events keep this service's view of it
    private boolean hasPeeringServiceAgreement(String subscriptionId) {
        return agreements.has(subscriptionId);
    }
}
