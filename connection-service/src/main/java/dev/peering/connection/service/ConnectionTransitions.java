package dev.peering.connection.service;

import dev.peering.connection.config.ProvisioningConfig;
import dev.peering.connection.domain.ConnectionGuards;
import dev.peering.connection.domain.ConnectionSpec;
import dev.peering.connection.domain.ConnectionState;
import dev.peering.connection.domain.ConnectionStateMachine;
import dev.peering.connection.domain.SessionFamily;
import dev.peering.connection.domain.SessionState;
import dev.peering.connection.domain.Transition;
import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.connection.persistence.ConnectionRepository;
import dev.peering.connection.persistence.PeeringViewEntity;
import dev.peering.platform.schedule.DueWork;
import dev.peering.platform.time.TimeSource;
import dev.peering.reference.BgpSessionConfig;
import dev.peering.reference.ConnectionRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The changes the peer's commands, the operator, peering events and the provisioner all make to a
 * connection row: create, move through {@link ConnectionStateMachine}, decommission, reschedule. Each
 * one writes its event, so every caller changes a connection the same way.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ConnectionTransitions {

    @Inject
    ConnectionRepository connections;

    @Inject
    ConnectionPublisher publisher;

    @Inject
    ProvisioningConfig config;

    @Inject
    TimeSource time;

    @Inject
    DueWork dueWork;

    @Inject
    SessionProvisioner sessions;

    @Inject
    ConnectionMetrics metrics;

    /** A new connection of the peering at PendingApproval, with its first event. */
    public ConnectionEntity create(PeeringViewEntity p, ConnectionSpec spec, String reason, String correlationId) {
        OffsetDateTime now = time.now();
        ConnectionEntity e = new ConnectionEntity();
        e.id = UUID.randomUUID().toString();
        e.peeringId = p.peeringId;
        e.subscriptionId = p.subscriptionId;
        e.connectionIdentifier = spec.connectionIdentifier();
        configure(e, spec);
        e.connectionState = ConnectionState.PendingApproval;
        e.causedBy(correlationId);
        e.createdAt = now;
        e.updatedAt = now;
        schedule(e, now);
        connections.persist(e);
        publisher.stateChanged(e, null, reason, now);
        return e;
    }

    /** Takes a connection's configuration; its sessions start again from PendingAdd. */
    public void configure(ConnectionEntity e, ConnectionSpec spec) {
        BgpSessionConfig s = spec.session();
        e.peeringDBFacilityId = spec.peeringDBFacilityId();
        e.bandwidthInMbps = spec.bandwidthInMbps();
        e.sessionAddressProvider =
                spec.sessionAddressProvider() == null ? ConnectionRules.PEER : spec.sessionAddressProvider();
        e.useForPeeringService = spec.useForPeeringService();
        e.sessionPrefixV4 = s.sessionPrefixV4();
        e.sessionPrefixV6 = s.sessionPrefixV6();
        e.microsoftSessionIPv4Address = s.microsoftSessionIPv4Address();
        e.microsoftSessionIPv6Address = s.microsoftSessionIPv6Address();
        e.peerSessionIPv4Address = s.peerSessionIPv4Address();
        e.peerSessionIPv6Address = s.peerSessionIPv6Address();
        e.maxPrefixesAdvertisedV4 = s.maxPrefixesAdvertisedV4();
        e.maxPrefixesAdvertisedV6 = s.maxPrefixesAdvertisedV6();
        e.md5Configured = spec.md5Configured();
        e.sessionStateV4 = e.hasV4() ? SessionState.PendingAdd : SessionState.None;
        e.sessionStateV6 = e.hasV6() ? SessionState.PendingAdd : SessionState.None;
    }

    /** Moves the connection to {@code target} if the state machine allows it, with its event. */
    public void move(ConnectionEntity e, ConnectionState target, String reason, String errorMessage) {
        ConnectionGuards.requireNotBeingRemoved(e.connectionIdentifier, e.decommissioning);
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
        publisher.stateChanged(e, t.previous().name(), reason, now);
        if (t.previous() == ConnectionState.Validating && t.next() == ConnectionState.Active) {
            metrics.activated(e.createdAt, now);
        }
    }

    /** Its sessions go to PendingRemove now; the provisioner's next step removes the connection. */
    public void decommission(ConnectionEntity e, String reason, String correlationId) {
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
        e.causedBy(correlationId);
        e.updatedAt = now;
        schedule(e, now);
        publisher.sessionChanged(e, v4, v6, reason, now);
    }

    /** A PendingRemove session of {@code family} is gone: its configuration cleared, with its event. */
    public void removeSession(ConnectionEntity e, SessionFamily family, String reason) {
        OffsetDateTime now = time.now();
        if (family == SessionFamily.IPv4) {
            SessionState previous = e.sessionStateV4;
            e.sessionStateV4 = SessionState.None;
            e.sessionPrefixV4 = null;
            e.microsoftSessionIPv4Address = null;
            e.peerSessionIPv4Address = null;
            e.maxPrefixesAdvertisedV4 = null;
            publisher.sessionChanged(e, previous, null, reason, now);
        } else {
            SessionState previous = e.sessionStateV6;
            e.sessionStateV6 = SessionState.None;
            e.sessionPrefixV6 = null;
            e.microsoftSessionIPv6Address = null;
            e.peerSessionIPv6Address = null;
            e.maxPrefixesAdvertisedV6 = null;
            publisher.sessionChanged(e, null, previous, reason, now);
        }
    }

    /**
     * Sets when the provisioner takes this connection's next step (null when nothing is automatic); a
     * step due now runs right after this transaction commits, in a transaction of its own.
     */
    public void schedule(ConnectionEntity e, OffsetDateTime now) {
        e.nextStepAt = nextStepAt(e, now);
        dueWork.dueAt(ProvisioningScheduler.KIND, e.nextStepAt);
    }

    private OffsetDateTime nextStepAt(ConnectionEntity e, OffsetDateTime now) {
        if (e.decommissioning) {
            return now.plus(config.stepDelay());
        }
        return switch (e.connectionState) {
            case PendingApproval -> config.autoApprove() ? now.plus(config.stepDelay()) : null;
            case Approved,
                    ProvisioningStarted,
                    ProvisioningCompleted,
                    Validating,
                    TypeChangeRequested,
                    TypeChangeInProgress -> now.plus(config.stepDelay());
            case Active -> sessions.hasSessionStep(e) ? now.plus(config.sessionStepDelay()) : null;
            case ProvisioningFailed, ExternalBlocker -> null;
        };
    }
}
