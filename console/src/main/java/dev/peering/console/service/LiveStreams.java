package dev.peering.console.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open pages' event streams. Each stream belongs to one signed-in user and receives only the events of
 * the subscriptions in that user's token (every subscription for the operator): the filter runs here, on the
 * server, so another tenant's event never reaches a browser.
 */
@ApplicationScoped
public class LiveStreams {

    /** The event name of the live/paused banner. */
    public static final String STATUS = "live-status";

    private record Stream(SignedInUser user, SseEventSink sink, Sse sse, String epoch) {}

    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    // ids are "<epoch>-<sequence>": a Last-Event-ID from an earlier start of the console replays nothing
    private final String epoch = Long.toString(System.currentTimeMillis(), 36);

    /** Opens a stream; replays what {@code lastEventId} missed, as far as {@code recent} still holds it. */
    public void open(
            SignedInUser user, SseEventSink sink, Sse sse, String lastEventId, RecentEvents recent, boolean live) {
        Stream stream = new Stream(user, sink, sse, epoch);
        // the first event sends the response's headers, so the browser's EventSource opens at once
        write(
                stream,
                sse.newEventBuilder()
                        .name(STATUS)
                        .data(live ? "" : LiveBanner.PAUSED)
                        .build());
        long after = sequenceOf(lastEventId);
        if (after >= 0) {
            for (RecentEvents.Recent missed :
                    recent.after(after, r -> user.sees(r.event().subscription()))) {
                deliver(stream, missed);
            }
        }
        streams.add(stream);
    }

    /** Sends one event to every stream whose user may see it. */
    void send(RecentEvents.Recent recent) {
        for (Stream stream : streams) {
            if (stream.user().sees(recent.event().subscription())) {
                deliver(stream, recent);
            }
        }
    }

    /** Tells every page whether live updates flow (the banner). */
    void status(boolean live) {
        for (Stream stream : streams) {
            write(
                    stream,
                    stream.sse()
                            .newEventBuilder()
                            .name(STATUS)
                            .data(live ? "" : LiveBanner.PAUSED)
                            .build());
        }
    }

    public int open() {
        streams.removeIf(stream -> stream.sink().isClosed());
        return streams.size();
    }

    private void deliver(Stream stream, RecentEvents.Recent recent) {
        String state = recent.event().data() == null
                ? ""
                : recent.event()
                        .data()
                        .path("connectionState")
                        .asText(recent.event().data().path("validationState").asText(""));
        write(
                stream,
                stream.sse()
                        .newEventBuilder()
                        .id(stream.epoch() + "-" + recent.sequence())
                        .name(LiveKeys.nameOf(recent.topic(), recent.event()))
                        .data(recent.event().type() + (state.isEmpty() ? "" : " " + state))
                        .build());
    }

    private void write(Stream stream, OutboundSseEvent event) {
        if (stream.sink().isClosed()) {
            streams.remove(stream);
            return;
        }
        stream.sink().send(event).whenComplete((ok, failed) -> {
            if (failed != null) {
                streams.remove(stream);
                stream.sink().close();
            }
        });
    }

    private long sequenceOf(String lastEventId) {
        if (lastEventId == null || !lastEventId.startsWith(epoch + "-")) {
            return -1;
        }
        try {
            return Long.parseLong(lastEventId.substring(epoch.length() + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
