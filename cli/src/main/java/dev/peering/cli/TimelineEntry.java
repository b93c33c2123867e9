package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One line of a workflow's timeline: which service changed which resource from which state to which,
 * and why. {@code changes} is empty when the event is not a state change (e.g. created, deleted).
 */
public record TimelineEntry(
        OffsetDateTime time,
        String topic,
        String service,
        String type,
        String subject,
        String key,
        String resource,
        List<Change> changes,
        String state,
        String reason,
        String correlationId,
        String subscription,
        String id,
        JsonNode data) {

    /** One state field that moved, e.g. {@code connectionState PendingApproval -> Approved}. */
    public record Change(String field, String from, String to) {}

    /** The type's last segment: {@code dev.peering.peerAsn.created} is {@code created}. */
    public String typeName() {
        int dot = type.lastIndexOf('.');
        return dot >= 0 ? type.substring(dot + 1) : type;
    }
}
