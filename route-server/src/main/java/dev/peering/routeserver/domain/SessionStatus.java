package dev.peering.routeserver.domain;

import dev.peering.reference.net.Cidr;
import java.util.Optional;

/**
 * What the router says about one BGP protocol of a session at one moment.
 *
 * @param protocol the router's protocol name
 * @param session the {@link PeerSession#name()} the protocol belongs to, when the name is one the
 *     generator made
 * @param family the address family of the protocol, when the name says it
 * @param state the state in the ARM API's terms
 * @param routerState the router's own words: its protocol state and BGP state ({@code start/Active})
 * @param since when the protocol last changed state, as the router prints it
 * @param lastError the router's last error for the session, if any: the event's reason when the session
 *     drops. BIRD keeps it after the session recovers (an OpenConfirm session may still show "Socket:
 *     Connection refused"), so it is no reason for a rise.
 * @param importedRoutes how many routes the session's channel holds, when it is up
 */
public record SessionStatus(
        String protocol,
        Optional<String> session,
        Optional<Cidr.Family> family,
        ObservedSessionState state,
        String routerState,
        String since,
        Optional<String> lastError,
        Optional<Integer> importedRoutes) {}
