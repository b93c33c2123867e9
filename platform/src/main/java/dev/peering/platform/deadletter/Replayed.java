package dev.peering.platform.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a replay did with one dead letter: {@code applied} (the consumer applied it now), {@code
 * alreadyApplied} (its event id was applied before: nothing done), {@code failed} (it failed again; it stays
 * on the topic, {@code message} says why) or {@code unreadable} (not a CloudEvent: only its producer can send
 * it again).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Replayed(String id, String eventId, String outcome, String message) {

    public static final String APPLIED = "applied";
    public static final String ALREADY_APPLIED = "alreadyApplied";
    public static final String FAILED = "failed";
    public static final String UNREADABLE = "unreadable";
}
