package dev.peering.registration.domain;

import java.time.OffsetDateTime;

/**
 * One entry of a Peering Service prefix's history (ARM {@code PeeringServicePrefixEvent}): a change of its
 * prefixValidationState, written in the transaction of the change.
 */
public record PrefixEvent(
        OffsetDateTime eventTimestamp,
        String eventType,
        String eventSummary,
        String eventLevel,
        String eventDescription) {

    public static final String TYPE = "PrefixValidationStateChanged";

    /** The entry for a move from {@code previous} to {@code next}, with the reason the validation gave. */
    public static PrefixEvent of(
            OffsetDateTime at, PrefixValidationState previous, PrefixValidationState next, String reason) {
        return new PrefixEvent(
                at, TYPE, previous + " -> " + next, level(next), reason == null ? describe(next) : reason);
    }

    private static String level(PrefixValidationState state) {
        return switch (state) {
            case Failed, Invalid -> "Error";
            case Warning, Unknown -> "Warning";
            default -> "Information";
        };
    }

    private static String describe(PrefixValidationState state) {
        return switch (state) {
            case Pending -> "The prefix and its Prefix Key are checked once the validation delay has passed.";
            case Verified -> "The prefix passed every check: it can be routed, its Prefix Key is valid and covers it,"
                    + " no other customer holds it, and the route server receives it from a registered ASN.";
            default -> "The prefix is " + state + ".";
        };
    }
}
