package dev.peering.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The relay's sending order (found by the fault suite: a broker down while a connection stepped through
 * its states put its first event on the topic after all its later ones). Kafka's {@link MockProducer}
 * stands in for the producer, with the two ways a send fails: at once, as when the topic's metadata does
 * not come within {@code max.block.ms}, and after the producer took the record.
 */
class OutboxRelayTest {

    enum Send {
        OK,
        REFUSED_AT_ONCE,
        FAILS_LATER
    }

    /** A producer whose n-th send behaves as {@code plan} says; it records what it was asked to send. */
    static final class PlannedProducer extends MockProducer<String, String> {
        final List<Send> plan;
        final List<String> sent = new ArrayList<>();
        final List<CompletableFuture<RecordMetadata>> failingLater = new ArrayList<>();

        PlannedProducer(Send... plan) {
            super(true, null, new StringSerializer(), new StringSerializer());
            this.plan = List.of(plan);
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
            Send how = plan.get(sent.size());
            sent.add(record.value());
            return switch (how) {
                case OK -> super.send(record);
                case REFUSED_AT_ONCE -> CompletableFuture.failedFuture(
                        new TimeoutException("Topic t not present in metadata after 11000 ms."));
                case FAILS_LATER -> {
                    CompletableFuture<RecordMetadata> later = new CompletableFuture<>();
                    failingLater.add(later);
                    yield later;
                }
            };
        }

        @Override
        public synchronized void flush() {
            super.flush();
            failingLater.forEach(f -> f.completeExceptionally(new TimeoutException("delivery timeout")));
        }
    }

    static List<ProducerRecord<String, String>> events(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new ProducerRecord<>("t", "peering-1", "e" + i))
                .toList();
    }

    @Test
    void allAcknowledgedAreCounted() {
        PlannedProducer producer = new PlannedProducer(Send.OK, Send.OK, Send.OK);
        assertEquals(List.of(0, 1, 2), OutboxRelay.sendInOrder(producer, events(3), Duration.ofSeconds(1)));
        assertEquals(List.of("e0", "e1", "e2"), producer.sent);
    }

    @Test
    void anEventRefusedAtOnceStopsThePassBeforeALaterOneCanOvertakeIt() {
        PlannedProducer producer = new PlannedProducer(Send.OK, Send.REFUSED_AT_ONCE, Send.OK, Send.OK);
        assertEquals(List.of(0), OutboxRelay.sendInOrder(producer, events(4), Duration.ofSeconds(1)));
        // e2 and e3 were never handed to the producer: they cannot reach the topic before e1's retry
        assertEquals(List.of("e0", "e1"), producer.sent);
    }

    @Test
    void aLaterEventOfTheKeyIsNotHandedOverBeforeTheEarlierOneIsAcknowledged() {
        // the fault suite's frozen broker: e1 expires in the producer; e2, had it been handed over with it,
        // could reach the topic while e1 does not, and e1's retry would land after it
        PlannedProducer producer = new PlannedProducer(Send.OK, Send.FAILS_LATER, Send.OK);
        assertEquals(List.of(0), OutboxRelay.sendInOrder(producer, events(3), Duration.ofSeconds(1)));
        assertEquals(List.of("e0", "e1"), producer.sent);
    }

    @Test
    void differentKeysGoTogetherAndEachKeepsItsOrder() {
        List<ProducerRecord<String, String>> records = List.of(
                new ProducerRecord<>("t", "a", "a0"),
                new ProducerRecord<>("t", "b", "b0"),
                new ProducerRecord<>("t", "a", "a1"),
                new ProducerRecord<>("t", "c", "c0"),
                new ProducerRecord<>("t", "a", "a2"));
        PlannedProducer producer = new PlannedProducer(Send.OK, Send.OK, Send.OK, Send.OK, Send.OK);
        assertEquals(List.of(0, 1, 2, 3, 4), OutboxRelay.sendInOrder(producer, records, Duration.ofSeconds(1)));
        // one round per position within a key: a0 b0 c0, then a1, then a2
        assertEquals(List.of("a0", "b0", "c0", "a1", "a2"), producer.sent);
    }

    @Test
    void aFailureEndsThePassAndKeepsWhatOtherKeysHadAcknowledged() {
        List<ProducerRecord<String, String>> records = List.of(
                new ProducerRecord<>("t", "a", "a0"),
                new ProducerRecord<>("t", "b", "b0"),
                new ProducerRecord<>("t", "a", "a1"),
                new ProducerRecord<>("t", "b", "b1"));
        PlannedProducer producer = new PlannedProducer(Send.OK, Send.FAILS_LATER, Send.OK, Send.OK);
        assertEquals(List.of(0), OutboxRelay.sendInOrder(producer, records, Duration.ofSeconds(1)));
        assertEquals(List.of("a0", "b0"), producer.sent);
    }

    @Test
    void aSnapshotOnTheStateTopicGoesInTheRoundOfItsChangeEventAndATombstoneStaysAfterItsSnapshot() {
        // ADR 0022: the change event and the snapshot share the resource's key but not a topic; the state
        // topic's tombstone (a null value) keeps its place after the snapshot of the same key
        List<ProducerRecord<String, String>> records = List.of(
                new ProducerRecord<>("t", "a", "a0"),
                new ProducerRecord<>("t.state", "a", "s0"),
                new ProducerRecord<>("t", "a", "a1"),
                new ProducerRecord<>("t.state", "a", null));
        PlannedProducer producer = new PlannedProducer(Send.OK, Send.OK, Send.OK, Send.OK);
        assertEquals(List.of(0, 1, 2, 3), OutboxRelay.sendInOrder(producer, records, Duration.ofSeconds(1)));
        // two rounds, not four: a0 with s0, then a1 with the tombstone
        assertEquals(java.util.Arrays.asList("a0", "s0", "a1", null), producer.sent);
    }
}
