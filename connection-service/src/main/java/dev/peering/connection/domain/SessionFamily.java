package dev.peering.connection.domain;

import dev.peering.core.ArmException;
import dev.peering.reference.BgpSessionConfig;

/** IPv4 or IPv6, as the session operations name them. */
public enum SessionFamily {
    IPv4,
    IPv6;

    public static SessionFamily parse(String text) {
        for (SessionFamily f : values()) {
            if (f.name().equals(text)) {
                return f;
            }
        }
        throw ArmException.badRequest(
                "InvalidQueryParameter",
                "family must be IPv4 or IPv6 (was " + (text == null ? "missing" : "'" + text + "'") + ").");
    }

    /** Whether a session configuration gives this family (a prefix or an address of it). */
    public boolean isGivenIn(BgpSessionConfig s) {
        return this == IPv4
                ? s.sessionPrefixV4() != null
                        || s.microsoftSessionIPv4Address() != null
                        || s.peerSessionIPv4Address() != null
                : s.sessionPrefixV6() != null
                        || s.microsoftSessionIPv6Address() != null
                        || s.peerSessionIPv6Address() != null;
    }
}
