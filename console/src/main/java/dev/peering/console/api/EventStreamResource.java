package dev.peering.console.api;

import dev.peering.console.service.LiveEvents;
import dev.peering.console.service.LiveStreams;
import dev.peering.console.service.SignedInUser;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;

/**
 * The pages' Server-Sent Events: each event of the user's subscriptions (all, for the operator), named after
 * the resource a page shows ({@code peering-<hash>}, {@code peer-asns-<hash>}); a browser that reconnects
 * sends {@code Last-Event-ID} and gets what it missed from the recent-events buffer.
 */
@Path("/events")
public class EventStreamResource {

    private final Sessions sessions;
    private final LiveStreams streams;
    private final LiveEvents live;

    public EventStreamResource(Sessions sessions, LiveStreams streams, LiveEvents live) {
        this.sessions = sessions;
        this.streams = streams;
        this.live = live;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(
            @CookieParam(Sessions.COOKIE) String cookie,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        Optional<SignedInUser> user = sessions.user(cookie);
        if (user.isEmpty()) {
            // EventSource gives up on a 401 rather than retrying forever
            throw new jakarta.ws.rs.WebApplicationException(Response.status(401).build());
        }
        streams.open(user.get(), sink, sse, lastEventId, live.recent(), live.live());
    }
}
