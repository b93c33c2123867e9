package dev.peering.routeserver.domain;

/**
 * What the route server does when a session announces more prefixes than its max-prefix limit
 * ({@code maxPrefixesAdvertisedV4}/{@code V6}): BIRD's four limit actions.
 */
public enum LimitAction {
    /** Log and keep every route. */
    WARN,
    /** Keep the session, drop the routes past the limit. */
    BLOCK,
    /** Tear the session down and bring it up again after BIRD's error wait. */
    RESTART,
    /** Tear the session down until an operator (or the next reconfiguration) enables it. */
    DISABLE
}
