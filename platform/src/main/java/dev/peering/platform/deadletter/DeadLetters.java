package dev.peering.platform.deadletter;

import dev.peering.core.ArmException;
import dev.peering.events.CloudEvent;
import dev.peering.events.EventJson;
import dev.peering.platform.inbox.AppliedEvents;
import dev.peering.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The operator's view of this service's dead letters and their replay (ADR 0018). A dead letter is
 * replayed by the consumer that dead-lettered it, through its own inbox: the event is applied with the
 * channel's handler in one transaction that records its id, exactly as the channel would have applied it,
 * so a replay is idempotent by event id and nothing is written to a topic the service does not own.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Pattern RECORD_ID = Pattern.compile("(\\d{1,9})-(\\d{1,18})");

    @Inject
    DeadLetterTopics topics;

    @Inject
    DeadLetterReader reader;

    @Inject
    Inbox inbox;

    @Inject
    AppliedEvents appliedEvents;

    @Inject
    Instance<ReplayableChannel> replayable;

    @ConfigProperty(name = "peering.dlq.max-records", defaultValue = "1000")
    int maxRecords;

    /** A consuming channel of this service with a dead-letter topic. */
    public record Channel(String channel, String topic, String consumer, long records, boolean replayable) {}

    /** Every channel of this service with a dead-letter topic and how many records that topic holds. */
    public List<Channel> channels() {
        List<Channel> channels = new ArrayList<>();
        topics.topics().forEach((channel, topic) -> {
            ReplayableChannel r = replayableOrNull(channel);
            channels.add(new Channel(channel, topic, r == null ? null : r.consumer(), topics.count(topic), r != null));
        });
        return channels;
    }

    /** The records of {@code channel}'s dead-letter topic (at most {@code peering.dlq.max-records}), without values. */
    public List<DeadLetter> list(String channel) {
        String topic = topicOf(channel);
        ReplayableChannel r = replayableOrNull(channel);
        return reader.read(topic, maxRecords).stream()
                .map(record -> view(channel, r, record).withoutValue())
                .toList();
    }

    /** One record whole, with its value. */
    public DeadLetter show(String channel, String recordId) {
        String topic = topicOf(channel);
        return view(channel, replayableOrNull(channel), record(topic, recordId));
    }

    /** Replays the record {@code recordId} of {@code channel}, or every record when it is null. */
    public List<Replayed> replay(String channel, String recordId) {
        String topic = topicOf(channel);
        ReplayableChannel r = replayableOrNull(channel);
        if (r == null) {
            throw ArmException.conflict(
                    "DeadLetterNotReplayable", "The channel '" + channel + "' has no handler to replay its records.");
        }
        List<ConsumerRecord<String, String>> records =
                recordId == null ? reader.read(topic, maxRecords) : List.of(record(topic, recordId));
        List<Replayed> outcomes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            outcomes.add(replay(r, record));
        }
        return outcomes;
    }

    private Replayed replay(ReplayableChannel channel, ConsumerRecord<String, String> record) {
        String id = record.partition() + "-" + record.offset();
        CloudEvent event = readOrNull(record.value());
        if (event == null || event.id() == null) {
            return new Replayed(
                    id, null, Replayed.UNREADABLE, "The record is not a CloudEvent; its producer must send it again.");
        }
        if (appliedEvents.wasApplied(channel.consumer(), event.id())) {
            return new Replayed(id, event.id(), Replayed.ALREADY_APPLIED, null);
        }
        try {
            inbox.process(channel.consumer(), record.value(), channel.handler());
            LOG.infof(
                    "%s: replayed dead letter %s of %s (event %s)", channel.consumer(), id, record.topic(), event.id());
            return new Replayed(id, event.id(), Replayed.APPLIED, null);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "%s: replaying dead letter %s (event %s) failed again: %s",
                    channel.consumer(), id, event.id(), rootMessage(e));
            return new Replayed(id, event.id(), Replayed.FAILED, rootMessage(e));
        }
    }

    private ConsumerRecord<String, String> record(String topic, String recordId) {
        Matcher m = RECORD_ID.matcher(recordId == null ? "" : recordId);
        if (!m.matches()) {
            throw ArmException.badRequest(
                    "InvalidDeadLetterId",
                    "A dead letter is named partition-offset, such as 0-12; got '" + recordId + "'.");
        }
        ConsumerRecord<String, String> record =
                reader.readOne(topic, Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
        if (record == null) {
            throw ArmException.notFound("dead letter", topic + "/" + recordId);
        }
        return record;
    }

    private String topicOf(String channel) {
        String topic = topics.topics().get(channel);
        if (topic == null) {
            throw new ArmException(
                    404,
                    "ResourceNotFound",
                    "This service has no dead-letter topic for the channel '" + channel + "'; its channels are "
                            + topics.topics().keySet() + ".");
        }
        return topic;
    }

    private ReplayableChannel replayableOrNull(String channel) {
        Map<String, ReplayableChannel> byName = new TreeMap<>();
        replayable.forEach(r -> byName.put(r.channel(), r));
        return byName.get(channel);
    }

    private DeadLetter view(String channel, ReplayableChannel r, ConsumerRecord<String, String> record) {
        CloudEvent event = readOrNull(record.value());
        Boolean applied = r == null || event == null || event.id() == null
                ? null
                : appliedEvents.wasApplied(r.consumer(), event.id());
        return new DeadLetter(
                record.partition() + "-" + record.offset(),
                channel,
                record.topic(),
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                record.key(),
                header(record, "dead-letter-reason"),
                header(record, "dead-letter-cause"),
                header(record, "dead-letter-exception-class-name"),
                header(record, "dead-letter-topic"),
                number(header(record, "dead-letter-partition")) == null
                        ? null
                        : number(header(record, "dead-letter-partition")).intValue(),
                number(header(record, "dead-letter-offset")),
                event == null ? null : event.id(),
                event == null ? null : event.type(),
                event == null ? null : event.subject(),
                event == null ? null : event.subscription(),
                applied,
                record.value());
    }

    private static CloudEvent readOrNull(String value) {
        if (value == null) {
            return null;
        }
        try {
            return EventJson.read(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Long number(String value) {
        try {
            return value == null ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
