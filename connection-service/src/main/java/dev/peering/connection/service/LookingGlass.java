package dev.peering.connection.service;

import dev.peering.connection.config.RouteServerConfig;
import dev.peering.connection.domain.ConnectionState;
import dev.peering.connection.domain.SessionState;
import dev.peering.connection.mapping.RouteServerMapper;
import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.connection.persistence.ConnectionRepository;
import dev.peering.connection.persistence.PeeringViewEntity;
import dev.peering.connection.persistence.PeeringViewRepository;
import dev.peering.core.ArmException;
import dev.peering.reference.Facility;
import dev.peering.reference.PeeringLocations;
import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.bird.BirdLookingGlass;
import dev.peering.routeserver.bird.CommandResult;
import dev.peering.routeserver.domain.LookingGlassCommand;
import dev.peering.routeserver.domain.ReceivedRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LookingGlass_Invoke (ADR 0014): Ping, Traceroute or BgpRoute from the route server's side. A peer looks
 * only at what is its own: its sessions' peer addresses and addresses inside the prefixes the route server
 * received from them, and BgpRoute shows only the routes its own sessions sent; the operator looks at
 * anything the router sees. Nothing is stored and no event is published.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LookingGlass {

    /** The only source the ARM parameters can name here: the route server, an edge site. */
    public static final String EDGE_SITE = "EdgeSite";

    @Inject
    RouteServerConfig config;

    @Inject
    PeeringLocations locations;

    @Inject
    PeeringViewRepository peerings;

    @Inject
    ConnectionRepository connections;

    @Inject
    RouteServerSync router;

    /** What the caller's own sessions are on the route server: their protocols and peer addresses. */
    private record Own(List<String> protocols, List<Cidr.Address> peerAddresses) {}

    /**
     * Runs {@code command} towards {@code destination} for the caller of {@code subscriptionId}; the output is
     * the program's own, bounded ({@code peering.route-server.looking-glass.*}).
     */
    public String invoke(
            String subscriptionId,
            boolean operator,
            LookingGlassCommand command,
            String sourceType,
            String sourceLocation,
            Cidr.Address destination) {
        requireSource(sourceType, sourceLocation);
        BirdLookingGlass glass = router.lookingGlass();
        Optional<List<String>> protocols = Optional.empty();
        if (!operator) {
            Own own = own(subscriptionId);
            if (!own.peerAddresses().contains(destination) && !received(own.protocols(), destination)) {
                throw ArmException.forbidden(
                        "LookingGlassDestinationNotAllowed",
                        "The looking glass reaches only your own sessions' peer addresses and addresses inside"
                                + " the prefixes the route server received from them; " + destination
                                + " is neither.");
            }
            protocols = Optional.of(own.protocols());
        }
        CommandResult result = glass.run(command, destination, protocols);
        if (result.exitCode() == 127) {
            throw ArmException.conflict("LookingGlassCommandUnavailable", result.output());
        }
        if (command == LookingGlassCommand.BgpRoute && !result.succeeded()) {
            throw ArmException.conflict("RouteServerUnavailable", "The route server cannot be reached now.");
        }
        // ping and traceroute say themselves when nothing answered (exit 1, 2): that is the answer
        return result.output();
    }

    /** The route server is the only source: an edge site at its facility's peering location. */
    private void requireSource(String sourceType, String sourceLocation) {
        String here = locations
                .facility(config.facility())
                .map(Facility::peeringLocation)
                .orElse("the route server's peering location");
        if (!EDGE_SITE.equalsIgnoreCase(sourceType) || !here.equalsIgnoreCase(sourceLocation)) {
            throw ArmException.badRequest(
                    "InvalidLookingGlassSource",
                    "The looking glass runs on the exchange's route server: sourceType EdgeSite, sourceLocation " + here
                            + " (got " + sourceType + ", " + sourceLocation + ").");
        }
    }

    private Own own(String subscriptionId) {
        List<String> protocols = new ArrayList<>();
        List<Cidr.Address> addresses = new ArrayList<>();
        for (PeeringViewEntity p : peerings.ofSubscription(subscriptionId)) {
            for (ConnectionEntity e : connections.ofPeering(p.peeringId)) {
                if (e.connectionState != ConnectionState.Active || e.decommissioning) {
                    continue;
                }
                protocols.addAll(RouteServerMapper.protocols(e, p));
                address(e.sessionStateV4, e.peerSessionIPv4Address).ifPresent(addresses::add);
                address(e.sessionStateV6, e.peerSessionIPv6Address).ifPresent(addresses::add);
            }
        }
        return new Own(protocols, addresses);
    }

    private boolean received(List<String> protocols, Cidr.Address destination) {
        for (ReceivedRoute route : router.receivedRoutes(protocols)) {
            Cidr prefix = Cidr.parse(route.prefix());
            if (prefix.contains(destination)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Cidr.Address> address(SessionState state, String address) {
        if (state == SessionState.None || state == SessionState.PendingRemove || address == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Cidr.parseAddress(address));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
