package dev.peering.connection.config;

import dev.peering.routeserver.domain.LimitAction;
import dev.peering.routeserver.domain.SessionMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Where BGP session states come from (ADR 0014): the simulation (the default, no router at all) or a real
 * BIRD 2 route server whose configuration this service generates from its connections and whose session
 * states it reads with {@code birdc show protocols all}.
 */
@ConfigMapping(prefix = "peering.route-server")
public interface RouteServerConfig {

    enum Provisioner {
        /** Session states step through the simulated BGP finite-state machine; no router is involved. */
        simulated,
        /** Session states are what a running BIRD 2 route server reports. */
        bird
    }

    @WithDefault("simulated")
    Provisioner provisioner();

    /**
     * The PeeringDB facility whose exchange LAN the route server sits on; its AS8075 addresses in the
     * reference data are the route server's. Connections at other facilities are not on this router.
     */
    @WithDefault("143")
    int facility();

    /** The route server's ASN. */
    @WithDefault("8075")
    long localAsn();

    /** How often the bird adapter reads the router's session states (a Quarkus scheduler interval). */
    @WithDefault("1s")
    String pollInterval();

    /** What a tripped max-prefix limit does (BIRD's import limit action). */
    @WithDefault("RESTART")
    LimitAction limitAction();

    /** Whether the route server opens the sessions or waits for its peers. */
    @WithDefault("ACTIVE")
    SessionMode mode();

    /** The configuration file the route server's BIRD was started with ({@code bird -c}); rewritten on each change. */
    @WithDefault("/etc/bird/bird.conf")
    String configFile();

    /** The route server's control socket ({@code bird -s}). */
    @WithDefault("/run/bird/bird.ctl")
    String controlSocket();

    /** Where the generated configuration tells BIRD to log; syslog when not set. */
    Optional<String> logFile();

    /**
     * peering-service's internal address for the MD5 keys of sessions (never through the gateway); a
     * session whose key cannot be pulled is left out of the configuration until it can.
     */
    Optional<String> md5KeysUrl();

    /** The bearer token (role {@code route-server}) this service presents to {@link #md5KeysUrl()}. */
    Optional<String> md5KeysToken();

    /**
     * How often the keys of the route server's sessions are pulled again, so a key changed in peering-service
     * alone reaches the router (only when the generated text changes is it applied).
     */
    @WithDefault("30s")
    Duration md5KeyRefresh();

    /**
     * The route server's network namespace, where the looking glass runs ping and traceroute
     * ({@code ip netns exec}); when not set they run in this service's own, which must then be the router's.
     */
    Optional<String> namespace();

    /** The looking glass's bounds (LookingGlass_Invoke). */
    LookingGlass lookingGlass();

    interface LookingGlass {
        /** Echo requests a Ping sends (1-10). */
        @WithDefault("3")
        int pingCount();

        /** Hops a Traceroute tries at most (1-30). */
        @WithDefault("8")
        int tracerouteMaxHops();

        /** How long one command may run before it is killed (its output until then is answered). */
        @WithDefault("10s")
        Duration timeout();

        /** Bytes of a command's output kept; the rest is cut, and the cut said. */
        @WithDefault("16384")
        int maxOutputBytes();
    }
}
