package dev.peering.platform.security;

/** The roles a token may carry in its {@code groups} claim. */
public final class Roles {

    /** An exchange operator acting on its own subscriptions. */
    public static final String PEER = "peer";
    /** The peering operator (the network's NOC): approves, provisions by hand, deprovisions; all subscriptions. */
    public static final String OPERATOR = "operator";
    /**
     * The route-server adapter of connection-service pulling a session's MD5 key from peering-service's
     * internal API (ADR 0014); it acts on no subscription's ARM resources.
     */
    public static final String ROUTE_SERVER = "route-server";

    private Roles() {}
}
