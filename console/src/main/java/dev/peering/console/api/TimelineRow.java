package dev.peering.console.api;

import dev.peering.console.service.RecentEvents;
import java.time.format.DateTimeFormatter;

/** One event of a peering's timeline (from the console's recent-events buffer). */
public record TimelineRow(String time, String type, String resource, String state, String correlationId) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    static TimelineRow of(RecentEvents.Recent recent) {
        var event = recent.event();
        var data = event.data();
        String state = data == null
                ? ""
                : data.path("connectionState")
                        .asText(data.path("provisioningState")
                                .asText(data.path("sessionStateV4").asText("")));
        String subject = event.subject() == null ? "" : event.subject();
        return new TimelineRow(
                event.time() == null ? "" : TIME.format(event.time()),
                event.type().replaceFirst("^dev\\.peering\\.", ""),
                subject.substring(subject.lastIndexOf('/') + 1),
                state,
                event.correlationid() == null ? "" : event.correlationid());
    }
}
