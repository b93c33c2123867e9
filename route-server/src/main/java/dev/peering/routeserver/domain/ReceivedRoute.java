package dev.peering.routeserver.domain;

import java.util.List;

/**
 * A route the route server received on one BGP protocol and accepted, as the router reports it.
 *
 * @param asPath the AS path, neighbour first, origin last (empty for a route the peer originated without one)
 * @param received when the router took the route, as it prints it ({@code 2026-12-01 21:41:06.181})
 */
public record ReceivedRoute(String protocol, String prefix, String nextHop, List<Long> asPath, String received) {

    public ReceivedRoute {
        asPath = List.copyOf(asPath);
    }

    /** The origin AS (the path's last), if the path has one. */
    public java.util.Optional<Long> originAsn() {
        return asPath.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(asPath.get(asPath.size() - 1));
    }
}
