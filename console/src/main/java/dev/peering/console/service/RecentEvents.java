package dev.peering.console.service;

import dev.peering.events.CloudEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The console's only state: the last {@code capacity} events it read, each with a sequence number of this
 * instance, so that a browser that reconnects with {@code Last-Event-ID} gets what it missed (if the buffer still
 * holds it) and a peering's page can show its recent timeline. Older events fall off; nothing else is kept.
 */
public final class RecentEvents {

    /** One event as a page receives it. */
    public record Recent(long sequence, String topic, CloudEvent event, long receivedAtMillis) {}

    private final int capacity;
    private final Deque<Recent> events = new ArrayDeque<>();
    private long sequence;

    public RecentEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized Recent add(String topic, CloudEvent event, long receivedAtMillis) {
        Recent recent = new Recent(++sequence, topic, event, receivedAtMillis);
        events.addLast(recent);
        while (events.size() > capacity) {
            events.removeFirst();
        }
        return recent;
    }

    /** The events after {@code sequence} that {@code filter} lets through, oldest first. */
    public synchronized List<Recent> after(long sequence, Predicate<Recent> filter) {
        List<Recent> found = new ArrayList<>();
        for (Recent recent : events) {
            if (recent.sequence() > sequence && filter.test(recent)) {
                found.add(recent);
            }
        }
        return found;
    }

    public synchronized int size() {
        return events.size();
    }
}
