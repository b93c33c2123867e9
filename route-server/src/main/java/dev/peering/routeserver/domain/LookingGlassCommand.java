package dev.peering.routeserver.domain;

import java.util.Arrays;
import java.util.Optional;

/** What the looking glass runs from the route server's side, in the ARM API's spelling (LookingGlass_Invoke). */
public enum LookingGlassCommand {
    /** {@code ping}, a few echo requests, inside the route server's network namespace. */
    Ping,
    /** {@code traceroute}, a few hops, inside the route server's network namespace. */
    Traceroute,
    /** {@code birdc show route for <address> all}: the route server's routes for the address. */
    BgpRoute;

    /** The command named {@code text} (case as the ARM enum, or any case), or empty. */
    public static Optional<LookingGlassCommand> parse(String text) {
        return Arrays.stream(values())
                .filter(c -> c.name().equalsIgnoreCase(text))
                .findFirst();
    }
}
