package dev.peering.connection.service;

import dev.peering.connection.config.ProvisioningConfig;
import dev.peering.connection.domain.ConnectionState;
import dev.peering.connection.domain.SessionState;
import dev.peering.connection.persistence.ConnectionRepository;
import dev.peering.platform.metrics.AfterCommit;
import dev.peering.platform.metrics.PeriodicGauges;
import dev.peering.platform.metrics.WorkflowTimers;
import dev.peering.platform.time.TimeSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The business metrics of connections (README, What to watch), each gauge one aggregate query per refresh
 * interval: {@code peering_connections{state}}, {@code peering_sessions{family,state}}, {@code
 * peering_connections_oldest_in_state_seconds{state}} (how long the connection that changed least
 * recently has been in that state, from its last change) beside {@code
 * peering_connection_state_bound_seconds{state}} (how long a connection may stay in it), which the
 * alert "connection stuck" compares; and the histogram {@code peering_connection_time_to_active_seconds},
 * from a connection's creation to its first Active.
 */
@ApplicationScoped
public class ConnectionMetrics {

    @Inject
    ConnectionRepository connections;

    @Inject
    PeriodicGauges gauges;

    @Inject
    AfterCommit afterCommit;

    @Inject
    MeterRegistry registry;

    @Inject
    ProvisioningConfig config;

    @Inject
    TimeSource time;

    /** How long an automatic step may run late (a slow database, a restart) before it counts as stuck. */
    @ConfigProperty(name = "peering.metrics.connection-step-margin", defaultValue = "PT5M")
    Duration stepMargin;

    /** How long a connection may wait on a person (approval, a blocker, a failed step to correct). */
    @ConfigProperty(name = "peering.metrics.connection-waiting-bound", defaultValue = "P3D")
    Duration waitingBound;

    private Timer timeToActive;

    void start(@Observes StartupEvent startup) {
        gauges.register(
                "peering.connections",
                "Connections in each connectionState",
                List.of("state"),
                PeriodicGauges.each(ConnectionState.class),
                connections::countByState);
        List<List<String>> sessions = new ArrayList<>();
        for (String family : List.of("ipv4", "ipv6")) {
            EnumSet.complementOf(EnumSet.of(SessionState.None)).forEach(s -> sessions.add(List.of(family, s.name())));
        }
        gauges.register(
                "peering.sessions",
                "BGP sessions (IPv4 and IPv6) in each session state",
                List.of("family", "state"),
                sessions,
                connections::countSessionsByState);
        List<List<String>> notActive = EnumSet.complementOf(EnumSet.of(ConnectionState.Active)).stream()
                .map(s -> List.of(s.name()))
                .toList();
        gauges.register(
                "peering.connections.oldest.in.state.seconds",
                "Seconds since the least recently changed connection in each state changed (0: none in it)",
                List.of("state"),
                notActive,
                this::oldestInState);
        for (ConnectionState state : EnumSet.complementOf(EnumSet.of(ConnectionState.Active))) {
            double bound = bound(state).toSeconds();
            Gauge.builder("peering.connection.state.bound.seconds", () -> bound)
                    .description("How long a connection may stay in the state before the stuck alert fires")
                    .tags("state", state.name())
                    .register(registry);
        }
        timeToActive = WorkflowTimers.register(
                registry,
                "peering.connection.time.to.active",
                "From a connection's request (its creation here) to its first Active");
    }

    /**
     * How long a connection may stay in {@code state}: one step delay and the margin where the provisioner
     * moves it by itself, the waiting bound where a person must act.
     */
    Duration bound(ConnectionState state) {
        boolean automatic =
                switch (state) {
                    case PendingApproval -> config.autoApprove();
                    case ProvisioningFailed, ExternalBlocker, Active -> false;
                    default -> true;
                };
        return automatic ? config.stepDelay().plus(stepMargin) : waitingBound;
    }

    /** A connection created at {@code createdAt} became Active at {@code now}, counted once committed. */
    public void activated(OffsetDateTime createdAt, OffsetDateTime now) {
        if (timeToActive != null && createdAt != null) {
            Duration took = Duration.between(createdAt, now);
            afterCommit.run(() -> timeToActive.record(took));
        }
    }

    private List<Object[]> oldestInState() {
        OffsetDateTime now = time.now();
        return connections.oldestChangeByState().stream()
                .map(row -> new Object[] {
                    row[0],
                    Math.max(0, Duration.between((OffsetDateTime) row[1], now).toMillis()) / 1000.0
                })
                .toList();
    }
}
