package dev.peering.connection.service;

import dev.peering.connection.config.RouteServerConfig;
import dev.peering.core.ArmException;
import dev.peering.reference.Facility;
import dev.peering.reference.PeeringLocations;
import dev.peering.routeserver.bird.ApplyResult;
import dev.peering.routeserver.bird.BirdCommands;
import dev.peering.routeserver.bird.BirdConfigApplier;
import dev.peering.routeserver.bird.BirdConfigGenerator;
import dev.peering.routeserver.bird.BirdLookingGlass;
import dev.peering.routeserver.bird.BirdProtocolsParser;
import dev.peering.routeserver.bird.BirdRoutesParser;
import dev.peering.routeserver.bird.CommandResult;
import dev.peering.routeserver.domain.ExchangePolicy;
import dev.peering.routeserver.domain.PeerSession;
import dev.peering.routeserver.domain.ReceivedRoute;
import dev.peering.routeserver.domain.RouteServer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The bird adapter's loop (ADR 0014), when {@code peering.route-server.provisioner=bird}: generates the
 * route server's configuration from the live connections and applies it when it changed ({@code bird -p},
 * atomic write, {@code birdc configure}: the other sessions stay up), then reads
 * {@code birdc show protocols all} and writes each session's state. Every instance may run it: an
 * unchanged text is not applied again, and a state is written under the connection's row lock, once.
 */
@ApplicationScoped
public class RouteServerSync {

    private static final Logger LOG = Logger.getLogger(RouteServerSync.class);

    /** Stands for a pulled key in the text compared between passes, so keys are pulled only on a change. */
    private static final String KEY_MARK = "pulled-when-applied";

    @Inject
    RouteServerConfig config;

    @Inject
    PeeringLocations locations;

    @Inject
    RouteServerView view;

    @Inject
    Md5Keys md5Keys;

    private final BirdConfigGenerator generator = new BirdConfigGenerator();
    private final BirdProtocolsParser parser = new BirdProtocolsParser();
    private final BirdRoutesParser routesParser = new BirdRoutesParser();
    private RouteServer base;
    private BirdCommands commands;
    private BirdConfigApplier applier;
    private String appliedPlan;
    private Map<String, String> rowIds = Map.of();
    private String lastProblem;
    private Instant keysPulledAt = Instant.MIN;
    private Set<String> keyedOnRouter = Set.of();

    @Scheduled(
            every = "${peering.route-server.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        if (config.provisioner() == RouteServerConfig.Provisioner.bird) {
            sync();
        }
    }

    /**
     * One pass: the configuration when it changed, or when the MD5 keys are due to be pulled again (a key
     * changed in peering-service alone changes the text), then the states.
     */
    public synchronized void sync() {
        if (!ready()) {
            return;
        }
        List<RouteServerView.Planned> plan = view.plan(config.facility(), base.localAddressV4(), base.localAddressV6());
        Map<String, String> ids = new HashMap<>();
        List<PeerSession> marked = new ArrayList<>();
        for (RouteServerView.Planned p : plan) {
            ids.put(p.session().name(), p.connectionRowId());
            marked.add(p.md5Configured() ? p.session().withMd5Key(KEY_MARK) : p.session());
        }
        String planText = generator.generate(base.withSessions(marked));
        boolean planChanged = !planText.equals(appliedPlan);
        Instant now = Instant.now();
        boolean keysDue = plan.stream().anyMatch(RouteServerView.Planned::md5Configured)
                && !now.isBefore(keysPulledAt.plus(config.md5KeyRefresh()));
        if (planChanged || keysDue) {
            keysPulledAt = now;
            Keyed keyed = withKeys(plan);
            if (!planChanged && keyed.missing().stream().anyMatch(keyedOnRouter::contains)) {
                // peering-service is away for a moment: the running sessions keep the keys they have
                problem("the MD5 keys of the route server's sessions cannot be pulled now: its configuration stays"
                        + " as it is until they can");
            } else {
                apply(keyed, planText, ids, planChanged);
            }
        }
        CommandResult protocols = commands.showProtocolsAll(Path.of(config.controlSocket()));
        if (!protocols.succeeded()) {
            problem("cannot read the route server's sessions: " + protocols.output());
            return;
        }
        lastProblem = null;
        view.observe(rowIds, parser.parse(protocols.output()));
    }

    /**
     * The routes the route server imported on these protocols; a protocol it does not run (yet) has none.
     * Bounded by the sessions' import limits (maxPrefixesAdvertised).
     */
    public List<ReceivedRoute> receivedRoutes(List<String> protocols) {
        if (config.provisioner() != RouteServerConfig.Provisioner.bird) {
            throw ArmException.conflict(
                    "ReceivedRoutesNotAvailable",
                    "This deployment simulates its BGP sessions (peering.route-server.provisioner=simulated): no"
                            + " router holds received routes.");
        }
        if (!ready()) {
            throw ArmException.conflict("RouteServerUnavailable", "The route server cannot be reached now.");
        }
        List<ReceivedRoute> routes = new ArrayList<>();
        for (String protocol : protocols) {
            CommandResult out = commands.showRoutesAll(Path.of(config.controlSocket()), protocol);
            if (out.succeeded() && !out.output().contains("syntax error")) {
                routes.addAll(routesParser.parse(out.output()));
            } else if (!out.output().contains("No such protocol")
                    && !out.output().contains("CF_SYM_UNDEFINED")) {
                // (BIRD 2.0.12 calls a protocol it does not run an undefined symbol: not configured yet, or
                // at another facility's route server)
                problem("cannot read the routes of " + protocol + ": " + out.output());
                throw ArmException.conflict("RouteServerUnavailable", "The route server cannot be reached now.");
            }
        }
        return routes;
    }

    /**
     * The route server's looking glass; a 409 with the simulation (no router to look from) or while the
     * router cannot be reached.
     */
    public BirdLookingGlass lookingGlass() {
        if (config.provisioner() != RouteServerConfig.Provisioner.bird) {
            throw ArmException.conflict(
                    "LookingGlassNotAvailable",
                    "This deployment simulates its BGP sessions (peering.route-server.provisioner=simulated): there"
                            + " is no route server to run ping, traceroute or a BGP route query from.");
        }
        if (!ready()) {
            throw ArmException.conflict("RouteServerUnavailable", "The route server cannot be reached now.");
        }
        RouteServerConfig.LookingGlass limits = config.lookingGlass();
        return new BirdLookingGlass(
                commands,
                Path.of(config.controlSocket()),
                config.namespace(),
                new BirdLookingGlass.Limits(
                        limits.pingCount(), limits.tracerouteMaxHops(), limits.timeout(), limits.maxOutputBytes()));
    }

    private void apply(Keyed keyed, String planText, Map<String, String> ids, boolean planChanged) {
        ApplyResult result = applier.apply(generator.generate(base.withSessions(keyed.sessions())));
        if (!result.applied()) {
            problem("the route server's configuration was not applied (" + result.outcome() + "): " + result.message());
            return;
        }
        appliedPlan = planText;
        rowIds = ids;
        keyedOnRouter = keyed.sessions().stream()
                .filter(s -> s.md5Key() != null)
                .map(PeerSession::name)
                .collect(Collectors.toSet());
        if (planChanged || result.outcome() == ApplyResult.Outcome.APPLIED) {
            LOG.infof(
                    "route server configuration %s: %d sessions%s",
                    result.outcome(),
                    keyed.sessions().size(),
                    planChanged ? "" : " (an MD5 key changed in peering-service)");
        }
    }

    /** The sessions with their pulled MD5 keys, and the names of those whose key could not be had. */
    private record Keyed(List<PeerSession> sessions, Set<String> missing) {}

    // Sessions with an MD5 key get it from peering-service now; one whose key cannot be had stays off.
    private Keyed withKeys(List<RouteServerView.Planned> plan) {
        List<PeerSession> sessions = new ArrayList<>();
        Set<String> missing = new HashSet<>();
        for (RouteServerView.Planned p : plan) {
            if (!p.md5Configured()) {
                sessions.add(p.session());
                continue;
            }
            Optional<String> key = md5Keys.keyOf(p.connectionId());
            if (key.isPresent()) {
                sessions.add(p.session().withMd5Key(key.get()));
            } else {
                missing.add(p.session().name());
            }
        }
        return new Keyed(sessions, missing);
    }

    private boolean ready() {
        if (applier != null) {
            return true;
        }
        Optional<BirdCommands> installed = BirdCommands.installed();
        Optional<Facility> facility = locations.facility(config.facility());
        if (installed.isEmpty()
                || facility.isEmpty()
                || facility.get().microsoftIPv4Addresses().isEmpty()) {
            problem(
                    installed.isEmpty()
                            ? "peering.route-server.provisioner=bird but BIRD 2 is not installed (apt-get install bird2)"
                            : "peering.route-server.facility " + config.facility()
                                    + " has no AS8075 IPv4 address in the reference data");
            return false;
        }
        String v4 = facility.get().microsoftIPv4Addresses().get(0);
        String v6 = facility.get().microsoftIPv6Addresses().isEmpty()
                ? null
                : facility.get().microsoftIPv6Addresses().get(0);
        RouteServer server = RouteServer.of(v4, config.localAsn(), v4, v6)
                .withPolicy(ExchangePolicy.defaults().withMode(config.mode()).withLimitAction(config.limitAction()));
        base = config.logFile().map(server::withLogFile).orElse(server);
        commands = installed.get();
        applier = new BirdConfigApplier(Path.of(config.configFile()), Path.of(config.controlSocket()), commands);
        return true;
    }

    // Said once until it changes, so a router that is down does not fill the log every second.
    private void problem(String message) {
        if (!message.equals(lastProblem)) {
            LOG.warn(message);
            lastProblem = message;
        }
    }
}
