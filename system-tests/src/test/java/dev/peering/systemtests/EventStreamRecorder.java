package dev.peering.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** The console's SSE stream as one signed-in user's browser receives it, read in the background. */
final class EventStreamRecorder implements AutoCloseable {

    private final List<String> names = new CopyOnWriteArrayList<>();
    private CompletableFuture<?> reading;

    static EventStreamRecorder open(String console, String bearer) {
        EventStreamRecorder recorder = new EventStreamRecorder();
        HttpRequest request = HttpRequest.newBuilder(URI.create(console + "/events"))
                .header("Cookie", "console_session=" + bearer.substring("Bearer ".length()))
                .header("Accept", "text/event-stream")
                .build();
        recorder.reading = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        recorder.names.add(line.substring("event:".length()).strip());
                    }
                }));
        return recorder;
    }

    /** Every event name received, live-status included. */
    List<String> names() {
        return List.copyOf(names);
    }

    /** The names of the resource events received (not the live-status banner's). */
    List<String> eventNames() {
        return names.stream().filter(name -> !name.equals("live-status")).toList();
    }

    /**
     * The name the console gives a peering's events: the contract of its pages' {@code sse:} triggers
     * ({@code LiveKeys.peering}), written out here so a change to it fails this test.
     */
    static String peeringEventName(String peeringId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(peeringId.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "peering-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        reading.cancel(true);
    }
}
