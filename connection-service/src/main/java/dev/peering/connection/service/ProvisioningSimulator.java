package dev.peering.connection.service;

import dev.peering.connection.config.ProvisioningConfig;
import dev.peering.connection.domain.ConnectionState;
import dev.peering.connection.mapping.ConnectionMapper;
import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.connection.persistence.ConnectionRepository;
import dev.peering.platform.time.TimeSource;
import dev.peering.platform.tracing.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The simulated provisioning: no cross-connect is ordered and no router speaks BGP. Each due connection
 * takes the transition an operator could make by hand, and the reasons say "simulated" where nothing
 * real happened; Validating's facility checks are the only real work. An Active connection's BGP
 * sessions are the {@link SessionProvisioner}'s: simulated too by default, or a real route server.
 */
@ApplicationScoped
@Transactional
public class ProvisioningSimulator {

    private static final int MAX_ERROR_MESSAGE = 1000;

    @Inject
    ConnectionRepository connections;

    @Inject
    ConnectionTransitions transitions;

    @Inject
    ConnectionPublisher publisher;

    @Inject
    FacilityReview facility;

    @Inject
    ProvisioningConfig config;

    @Inject
    SessionProvisioner sessions;

    @Inject
    TimeSource time;

    @Inject
    Tracing tracing;

    /**
     * Takes the next step of up to {@code limit} connections whose step is due, each with its event,
     * in this one transaction; each step in a span that continues the trace of what caused the connection's
     * work (the peering's request, or the peer's command).
     *
     * @return how many connections were advanced
     */
    public int advanceDue(int limit) {
        List<ConnectionEntity> due = connections.claimDue(time.now(), limit);
        for (ConnectionEntity e : due) {
            tracing.step(
                    ProvisioningScheduler.KIND,
                    e.traceparent,
                    e.correlationId,
                    e.subscriptionId,
                    e.resourceId(),
                    () -> step(e));
        }
        return due.size();
    }

    private void step(ConnectionEntity e) {
        if (e.decommissioning) {
            connections.delete(e);
            publisher.removed(e, "decommissioned (simulated: no cross-connect to take down)", time.now());
            return;
        }
        switch (e.connectionState) {
            case PendingApproval -> {
                if (config.autoApprove()) {
                    transitions.move(e, ConnectionState.Approved, "approved (simulated: auto-approve is on)", null);
                } else {
                    e.nextStepAt = null;
                }
            }
            case Approved -> transitions.move(
                    e, ConnectionState.ProvisioningStarted, "cross-connect ordered (simulated)", null);
            case ProvisioningStarted -> {
                e.provisionedBandwidthInMbps = e.bandwidthInMbps;
                transitions.move(e, ConnectionState.ProvisioningCompleted, "cross-connect in place (simulated)", null);
            }
            case ProvisioningCompleted -> transitions.move(
                    e, ConnectionState.Validating, "checking the configuration against the facility", null);
            case Validating -> validate(e);
            case TypeChangeRequested -> transitions.move(
                    e, ConnectionState.TypeChangeInProgress, "type change under way (simulated)", null);
            case TypeChangeInProgress -> transitions.move(
                    e, ConnectionState.Active, "type change done (simulated)", null);
            case Active -> sessions.stepSessions(e);
            default -> e.nextStepAt = null;
        }
    }

    private void validate(ConnectionEntity e) {
        List<String> findings = facility.findings(e, ConnectionMapper.toAddresses(e));
        if (findings.isEmpty()) {
            transitions.move(
                    e, ConnectionState.Active, "validation passed against the facility's reference data", null);
        } else {
            String message = String.join(" ", findings);
            if (message.length() > MAX_ERROR_MESSAGE) {
                message = message.substring(0, MAX_ERROR_MESSAGE - 3) + "...";
            }
            transitions.move(e, ConnectionState.ProvisioningFailed, "validation failed", message);
        }
    }
}
