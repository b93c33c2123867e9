package dev.peering.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Holds timeline entries for a short window before showing them, in event-time order: each service
 * relays its outbox on its own schedule, so an event of one topic can arrive a moment after a later
 * event of another. Within one resource the topics' keyed order is kept (event time follows it).
 */
public final class ReorderBuffer {

    private record Held(TimelineEntry entry, Instant arrived, long sequence) {}

    private static final Comparator<Held> BY_EVENT_TIME = Comparator.comparing(
                    (Held h) -> h.entry().time(), Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()))
            .thenComparingLong(Held::sequence);

    private final Duration window;
    private final PriorityQueue<Held> held = new PriorityQueue<>(BY_EVENT_TIME);
    private long sequence;

    public ReorderBuffer(Duration window) {
        this.window = window;
    }

    public void add(TimelineEntry entry, Instant arrived) {
        held.add(new Held(entry, arrived, sequence++));
    }

    /**
     * The entries to show now, in event-time order: every entry up to and including the newest one that
     * has waited its window (an earlier event is never held back behind a later one already shown).
     */
    public List<TimelineEntry> due(Instant now) {
        Held newestDue = null;
        for (Held h : held) {
            if (!h.arrived().plus(window).isAfter(now)
                    && (newestDue == null || BY_EVENT_TIME.compare(h, newestDue) > 0)) {
                newestDue = h;
            }
        }
        List<TimelineEntry> out = new ArrayList<>();
        while (newestDue != null && !held.isEmpty() && BY_EVENT_TIME.compare(held.peek(), newestDue) <= 0) {
            out.add(held.poll().entry());
        }
        return out;
    }

    /** Everything still held, in event-time order (when watch ends). */
    public List<TimelineEntry> drain() {
        List<TimelineEntry> out = new ArrayList<>();
        while (!held.isEmpty()) {
            out.add(held.poll().entry());
        }
        return out;
    }
}
