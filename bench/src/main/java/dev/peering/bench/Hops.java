package dev.peering.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-hop latency: from an event's CloudEvent {@code time} (set when the producing service wrote it to
 * its outbox, in the transaction of the change) to the moment a consuming service applied it: the
 * {@code applied_at} of its row in that service's {@code consumed_event} table (platform's inbox; the
 * column defaults to now(), the start of the applying transaction). Split into the relay's part (time to
 * the record's Kafka timestamp, which the relay's producer sets when it sends) and the consumer's part
 * (record timestamp to applied_at). All clocks are this machine's.
 */
public final class Hops {

    /** One applied event: which consumer, which event, when. */
    public record Applied(String consumer, String eventId, Instant appliedAt) {}

    /** One hop, in ms. */
    public record Hop(String consumer, Instant eventTime, double totalMs, double relayMs, double consumeMs) {}

    public record Summary(
            Percentiles total, Percentiles relay, Percentiles consume, Map<String, Percentiles> byConsumer) {}

    private Hops() {}

    public static List<Applied> applied(String jdbcUrl, String user, String password) throws SQLException {
        List<Applied> applied = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement select =
                        c.prepareStatement("select consumer, event_id, applied_at from consumed_event");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                applied.add(new Applied(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
            }
        }
        return applied;
    }

    public static List<Hop> join(List<TopicReader.Event> events, List<Applied> applied) {
        Map<String, TopicReader.Event> byId = new HashMap<>();
        for (TopicReader.Event event : events) {
            byId.putIfAbsent(event.id(), event);
        }
        List<Hop> hops = new ArrayList<>();
        for (Applied a : applied) {
            TopicReader.Event event = byId.get(a.eventId());
            if (event == null || event.time() == null) {
                continue;
            }
            hops.add(new Hop(
                    a.consumer(),
                    event.time(),
                    millis(event.time(), a.appliedAt()),
                    millis(event.time(), event.appendTime()),
                    millis(event.appendTime(), a.appliedAt())));
        }
        return hops;
    }

    /** The hops of events made in [from, to). */
    public static Summary summarise(List<Hop> hops, Instant from, Instant to) {
        List<Hop> within = hops.stream()
                .filter(h -> !h.eventTime().isBefore(from) && h.eventTime().isBefore(to))
                .toList();
        Map<String, Percentiles> byConsumer = new TreeMap<>();
        within.stream()
                .map(Hop::consumer)
                .distinct()
                .forEach(consumer -> byConsumer.put(
                        consumer,
                        Percentiles.of(within.stream()
                                .filter(h -> h.consumer().equals(consumer))
                                .mapToDouble(Hop::totalMs)
                                .toArray())));
        return new Summary(
                Percentiles.of(within.stream().mapToDouble(Hop::totalMs).toArray()),
                Percentiles.of(within.stream().mapToDouble(Hop::relayMs).toArray()),
                Percentiles.of(within.stream().mapToDouble(Hop::consumeMs).toArray()),
                byConsumer);
    }

    static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
