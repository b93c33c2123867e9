package dev.peering.registration.domain;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The origin-ASN check of prefix validation (ADR 0020): the prefix's origin ASN, read from the routes the
 * route server received from the peering's sessions, must be one of the peering's registered ASNs. Where no
 * routes can be had (the simulated BGP exchanges none) the check is not made, and the outcome says so.
 *
 * @param outcome what the check found
 * @param reason why, in words for the prefix's {@code errorMessage}; null when the origin is registered
 */
public record OriginCheck(Outcome outcome, String reason) {

    private static final Pattern ASN = Pattern.compile("[0-9]{1,10}");

    public enum Outcome {
        /** Every route for the prefix is originated by a registered ASN of the peering. */
        ORIGIN_REGISTERED,
        /** Received routes cannot be had in this deployment: the origin is not checked, and the reason says so. */
        NOT_CHECKED,
        /** The route server can be read but receives no route for the prefix from the peering's sessions. */
        NOT_ANNOUNCED,
        /** A route for the prefix is originated by an ASN that is not registered under the peering. */
        OTHER_ORIGIN,
        /** The routes could not be read now (connection-service unreachable or failing): decide later. */
        ASK_AGAIN
    }

    /** What asking connection-service for the routes of the prefix answered. */
    public sealed interface Routes permits NoRouter, Unreachable, Received {}

    /** No router holds received routes in this deployment (no route source configured, or a simulated BGP). */
    public record NoRouter(String why) implements Routes {}

    /** The answer could not be had now. */
    public record Unreachable(String why) implements Routes {}

    /** The AS paths ({@code "30000 64500"}, neighbour first, origin last) of the routes received for the prefix. */
    public record Received(List<String> asPaths) implements Routes {}

    /** The outcome for {@code routes}, given the ASNs registered under the peering. */
    public static OriginCheck judge(Routes routes, Collection<Long> registeredAsns) {
        if (routes instanceof NoRouter n) {
            return new OriginCheck(Outcome.NOT_CHECKED, "The origin ASN was not checked: " + n.why());
        }
        if (routes instanceof Unreachable u) {
            return new OriginCheck(Outcome.ASK_AGAIN, u.why());
        }
        return judgeReceived(((Received) routes).asPaths(), registeredAsns);
    }

    private static OriginCheck judgeReceived(List<String> asPaths, Collection<Long> registeredAsns) {
        if (asPaths.isEmpty()) {
            return new OriginCheck(
                    Outcome.NOT_ANNOUNCED,
                    "The route server receives no route for the prefix from the peering's sessions, so its origin"
                            + " ASN could not be checked; it is checked when the prefix is validated again.");
        }
        for (String path : asPaths) {
            String[] hops = path.isBlank() ? new String[0] : path.trim().split(" +");
            if (hops.length == 0) {
                return new OriginCheck(
                        Outcome.OTHER_ORIGIN,
                        "The prefix is received without an AS path, so its origin is not a registered ASN of the"
                                + " peering; the origin ASN must be registered under the peering (registeredAsns).");
            }
            String origin = hops[hops.length - 1];
            if (!ASN.matcher(origin).matches() || !registeredAsns.contains(Long.parseLong(origin))) {
                return new OriginCheck(
                        Outcome.OTHER_ORIGIN,
                        "The prefix is announced with origin AS" + origin + ", which is not a registered ASN of the"
                                + " peering; the origin ASN must be registered under the peering (registeredAsns).");
            }
        }
        return new OriginCheck(Outcome.ORIGIN_REGISTERED, null);
    }
}
