package dev.peering.platform.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One record of a dead-letter topic as the operator sees it: where it sits ({@code id} is {@code
 * partition-offset}), why it was dead-lettered (the connector's {@code dead-letter-*} headers), the event it
 * carries when it reads as one, and whether the channel's consumer has applied that event since (a replay,
 * or the same event arriving again). {@code value} is only filled for one record shown whole.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(
        String id,
        String channel,
        String topic,
        int partition,
        long offset,
        Instant timestamp,
        String key,
        String reason,
        String cause,
        String exception,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String eventId,
        String eventType,
        String subject,
        String subscription,
        Boolean applied,
        String value) {

    /** The same record without its value, for a list. */
    public DeadLetter withoutValue() {
        return new DeadLetter(
                id,
                channel,
                topic,
                partition,
                offset,
                timestamp,
                key,
                reason,
                cause,
                exception,
                originalTopic,
                originalPartition,
                originalOffset,
                eventId,
                eventType,
                subject,
                subscription,
                applied,
                null);
    }
}
