package dev.peering.connection.config;

import dev.peering.routeserver.domain.LimitAction;
import dev.peering.routeserver.domain.SessionMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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
}
