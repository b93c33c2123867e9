package dev.peering.platform.security;

/** The roles a token may carry in its {@code groups} claim. */
public final class Roles {

    /** An exchange operator acting on its own subscriptions. */
    public static final String PEER = "peer";
    /** The peering operator (the network's NOC): approves, provisions by hand, deprovisions; all subscriptions. */
    public static final String OPERATOR = "operator";

    private Roles() {}
}
