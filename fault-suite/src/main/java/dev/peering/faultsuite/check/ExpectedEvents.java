package dev.peering.faultsuite.check;

import dev.peering.events.CloudEvent;
import dev.peering.events.EventJson;
import dev.peering.events.MalformedEventException;
import dev.peering.events.PeerAsnEvent;
import dev.peering.events.RegistrationEvent;
import dev.peering.events.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The expected-event ledger: for every request a service acknowledged, the events it must cause, on which
 * topic, under which record key, about which subject. After the run the ledger is diffed both ways against
 * every record of the four event topics: an expected event that is not there is <em>missing</em>; an
 * expected event that is there more often than the ledger allows (under a new event id: an exact
 * redelivery of one id is the outbox's at-least-once and is counted elsewhere) is <em>duplicated</em>; an
 * event the ledger does not know at all is <em>unexpected</em>.
 *
 * <p>An event is identified by its topic, record key, subject and {@link EventNames#what what it says} (its type and
 * the transition it records), never by its id, which the service makes up. Keys and subjects are ARM ids
 * and compared without regard to case, as ARM compares them.
 *
 * <p>Some requests may or may not cause an event: a PUT whose answer was lost (no answer, or 5xx) may have
 * been applied, and a PeerAsn PUT on an existing PeerAsn publishes {@code updated}. The ledger holds such
 * events with a lower and an upper bound ({@link #mayAppear}).
 */
public final class ExpectedEvents {

    /** One event as the ledger names it. */
    public record Event(String topic, String key, String subject, String what) {

        public Event {
            key = key == null ? "" : key.toLowerCase(Locale.ROOT);
            subject = subject == null ? "" : subject.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return what + " of " + subject + " on " + topic + (key.equals(subject) ? "" : " (key " + key + ")");
        }
    }

    /** The diff of the ledger with the topics; {@code examples} names the first few of each kind. */
    public record Diff(
            Map<String, Long> expectedByTopic,
            Map<String, Long> seenByTopic,
            long missing,
            long duplicated,
            long unexpected,
            long outOfOrder,
            List<String> examples) {}

    /** The connection states of the seed's walkthrough, from creation to Active. */
    public static final List<String> CONNECTION_PATH = List.of(
            "PendingApproval", "Approved", "ProvisioningStarted", "ProvisioningCompleted", "Validating", "Active");

    /** The simulated BGP session of each family, from PendingAdd to Established. */
    public static final List<String> SESSION_PATH =
            List.of("PendingAdd", "Idle", "Connect", "OpenSent", "OpenConfirm", "Established");

    /** Where an operator's retry starts a failed connection again. */
    static final String RETRIED_TO = "ProvisioningStarted";

    private static final int EXAMPLES = 5;

    /** The four topics the ledger is diffed against: every topic a service publishes on. */
    public static final List<String> TOPICS = List.of(
            Topics.PEER_ASN_EVENTS, Topics.PEERING_EVENTS, Topics.CONNECTION_EVENTS, Topics.REGISTRATION_EVENTS);

    /** Lower and upper bound of each event's count. */
    private final Map<Event, long[]> bounds = new LinkedHashMap<>();

    /** The event must appear exactly once more. */
    public synchronized void expect(Event event) {
        long[] b = bounds.computeIfAbsent(event, e -> new long[2]);
        b[0]++;
        b[1]++;
    }

    /** The event may appear once more, or not. */
    public synchronized void mayAppear(Event event) {
        bounds.computeIfAbsent(event, e -> new long[2])[1]++;
    }

    /** Takes back one certain appearance (the break-once tests, and a ledger entry proved wrong). */
    public synchronized void forget(Event event) {
        long[] b = bounds.get(event);
        if (b != null && b[0] > 0) {
            b[0]--;
            b[1]--;
        }
    }

    // ---- what each acknowledged request must cause

    /**
     * A PeerAsn PUT acknowledged with {@code status}: created once (by this PUT when 201, by an earlier
     * attempt whose answer was lost when 200), {@code updated} by a 200, possibly by each attempt whose answer
     * was lost; then decided once, Pending to Approved.
     */
    public void peerAsnAcknowledged(String peerAsnId, int status, int unansweredAttempts) {
        peerAsnAcknowledged(peerAsnId, status, unansweredAttempts, "Approved");
    }

    /** The same, decided {@code decided} (Approved, or Failed when the operator rejected it first). */
    public void peerAsnAcknowledged(String peerAsnId, int status, int unansweredAttempts, String decided) {
        expect(peerAsn(peerAsnId, PeerAsnEvent.CREATED, "None", "Pending"));
        if (status == 200) {
            expect(peerAsn(peerAsnId, PeerAsnEvent.UPDATED, null, null));
        }
        for (int i = 0; i < unansweredAttempts; i++) {
            mayAppear(peerAsn(peerAsnId, PeerAsnEvent.UPDATED, null, null));
        }
        expect(peerAsn(peerAsnId, PeerAsnEvent.VALIDATION_STATE_CHANGED, "Pending", decided));
    }

    /** A peering PUT with one new connection: created once, its connection requested once (after approval). */
    public void peeringAcknowledged(String peeringId, String connectionIdentifier) {
        expect(new Event(Topics.PEERING_EVENTS, peeringId, peeringId, "created"));
        expect(new Event(
                Topics.PEERING_EVENTS, peeringId, peeringId, "connectionsRequested [" + connectionIdentifier + "]"));
    }

    /** The connection the peering PUT carried: every transition down to Active, both sessions to Established. */
    public void connectionAcknowledged(String peeringId, String connectionIdentifier) {
        String subject = peeringId + "/connections/" + connectionIdentifier;
        String previous = null;
        for (String state : CONNECTION_PATH) {
            expect(new Event(Topics.CONNECTION_EVENTS, peeringId, subject, "state " + previous + " -> " + state));
            previous = state;
        }
        for (String family : List.of("IPv4", "IPv6")) {
            for (int i = 1; i < SESSION_PATH.size(); i++) {
                expect(new Event(
                        Topics.CONNECTION_EVENTS,
                        peeringId,
                        subject,
                        "session " + family + " " + SESSION_PATH.get(i - 1) + " -> " + SESSION_PATH.get(i)));
            }
        }
    }

    /**
     * The operator blocked the connection in state {@code blocked} and unblocked it: it went to
     * ExternalBlocker and back to that state, once each; the rest of its path is unchanged.
     */
    public void connectionBlocked(String peeringId, String connectionIdentifier, String blocked) {
        String subject = peeringId + "/connections/" + connectionIdentifier;
        expect(new Event(Topics.CONNECTION_EVENTS, peeringId, subject, "state " + blocked + " -> ExternalBlocker"));
        expect(new Event(Topics.CONNECTION_EVENTS, peeringId, subject, "state ExternalBlocker -> " + blocked));
    }

    /**
     * The operator failed the connection while it was {@code failedIn} (read back from the connection: nothing
     * but a retry moves a failed connection): {@code failedIn} to ProvisioningFailed once, and none of the
     * path's transitions after {@code failedIn}, unless a retry brings them ({@link #connectionRetried}).
     */
    public void connectionFailed(String peeringId, String connectionIdentifier, String failedIn) {
        int failed = CONNECTION_PATH.indexOf(failedIn);
        if (failed < 0 || failed == CONNECTION_PATH.size() - 1) {
            throw new IllegalArgumentException("a connection fails while it is provisioned, not in " + failedIn);
        }
        String subject = peeringId + "/connections/" + connectionIdentifier;
        expect(new Event(Topics.CONNECTION_EVENTS, peeringId, subject, "state " + failedIn + " -> ProvisioningFailed"));
        for (int i = failed + 1; i < CONNECTION_PATH.size(); i++) {
            forget(pathStep(peeringId, subject, i));
        }
    }

    /**
     * The operator retried the failed connection: ProvisioningFailed to ProvisioningStarted once, then the
     * path from ProvisioningStarted to Active once more (what the connection did before it failed stays
     * expected: the retry repeats those steps; the sessions still go up once, when it is Active).
     */
    public void connectionRetried(String peeringId, String connectionIdentifier) {
        String subject = peeringId + "/connections/" + connectionIdentifier;
        expect(new Event(Topics.CONNECTION_EVENTS, peeringId, subject, "state ProvisioningFailed -> " + RETRIED_TO));
        for (int i = CONNECTION_PATH.indexOf(RETRIED_TO) + 1; i < CONNECTION_PATH.size(); i++) {
            expect(pathStep(peeringId, subject, i));
        }
    }

    /** The step of {@link #CONNECTION_PATH} into its state {@code i}. */
    private static Event pathStep(String peeringId, String subject, int i) {
        return new Event(
                Topics.CONNECTION_EVENTS,
                peeringId,
                subject,
                "state " + (i == 0 ? null : CONNECTION_PATH.get(i - 1)) + " -> " + CONNECTION_PATH.get(i));
    }

    /** A registered-ASN PUT: registered once, its Prefix Key issued (a second PUT of it publishes nothing). */
    public void registeredAsnAcknowledged(String peeringId, String registeredAsnId) {
        expect(new Event(Topics.REGISTRATION_EVENTS, peeringId, registeredAsnId, "asnRegistered"));
    }

    /** The peer deleted its registered ASN: the Prefix Key revoked, once. */
    public void registeredAsnDeleted(String peeringId, String registeredAsnId) {
        expect(new Event(
                Topics.REGISTRATION_EVENTS,
                peeringId,
                registeredAsnId,
                "asnUnregistered " + RegistrationEvent.REASON_DELETED));
    }

    /** The peering was deprovisioned while the ASN was registered: the Prefix Key revoked, once. */
    public void registeredAsnRevoked(String peeringId, String registeredAsnId) {
        expect(new Event(
                Topics.REGISTRATION_EVENTS,
                peeringId,
                registeredAsnId,
                "asnUnregistered " + RegistrationEvent.REASON_PEERING_DEPROVISIONED));
    }

    /**
     * An Active connection with both sessions Established is removed (by the peer, or with its peering): both
     * sessions go to PendingRemove in one event, then the connection is removed.
     */
    public void connectionRemoved(String peeringId, String connectionIdentifier) {
        String subject = peeringId + "/connections/" + connectionIdentifier;
        expect(new Event(
                Topics.CONNECTION_EVENTS,
                peeringId,
                subject,
                "session IPv4 Established -> PendingRemove, session IPv6 Established -> PendingRemove"));
        expect(new Event(Topics.CONNECTION_EVENTS, peeringId, subject, "removed"));
    }

    /** The operator deprovisioned the peering with these connections: requested once, deleted once. */
    public void peeringDeprovisioned(String peeringId, List<String> connectionIdentifiers) {
        expect(new Event(
                Topics.PEERING_EVENTS,
                peeringId,
                peeringId,
                "deprovisionRequested "
                        + connectionIdentifiers.stream().sorted().toList()));
        expect(new Event(Topics.PEERING_EVENTS, peeringId, peeringId, "deleted"));
    }

    private static Event peerAsn(String peerAsnId, String type, String previous, String state) {
        return new Event(Topics.PEER_ASN_EVENTS, peerAsnId, peerAsnId, EventNames.whatPeerAsn(type, previous, state));
    }

    // ---- the diff

    /**
     * Diffs the ledger with the records of the four topics (records of other topics are ignored). Records
     * that repeat an event id already seen are redeliveries of one event and count once; unreadable records
     * are the business of {@link EventChecks}.
     */
    public synchronized Diff diff(Collection<Record> records) {
        Map<Event, Long> seen = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        Map<String, Long> seenByTopic = new TreeMap<>();
        Map<String, Integer> reached = new HashMap<>();
        long outOfOrder = 0;
        List<String> orderExamples = new ArrayList<>();
        List<Record> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparing(Record::topic)
                .thenComparingInt(Record::partition)
                .thenComparingLong(Record::offset));
        for (Record record : ordered) {
            if (!TOPICS.contains(record.topic())) {
                continue;
            }
            CloudEvent event;
            try {
                event = EventJson.read(record.value());
            } catch (MalformedEventException | IllegalArgumentException e) {
                continue;
            }
            if (!ids.add(event.id())) {
                continue;
            }
            Event named =
                    new Event(record.topic(), record.key(), event.subject(), EventNames.what(record.topic(), event));
            seen.merge(named, 1L, Long::sum);
            int rank = EventNames.rank(named);
            if (rank >= 0) {
                String resource = named.topic() + " " + named.subject();
                Integer before = reached.get(resource);
                // a retry starts the path again: out of a failure, a connection goes back to an earlier step
                boolean retry = named.what().startsWith("state ProvisioningFailed -> ");
                if (before != null && rank < before && !retry) {
                    outOfOrder++;
                    example(
                            orderExamples,
                            "out of order: " + named + " at " + record.partition() + "@" + record.offset()
                                    + ", after a later step of the same resource");
                } else {
                    reached.put(resource, rank);
                }
            }
            seenByTopic.merge(record.topic(), 1L, Long::sum);
        }
        Map<String, Long> expectedByTopic = new TreeMap<>();
        TOPICS.forEach(t -> {
            expectedByTopic.put(t, 0L);
            seenByTopic.putIfAbsent(t, 0L);
        });
        bounds.forEach((event, b) -> expectedByTopic.merge(event.topic(), b[0], Long::sum));

        long missing = 0;
        long duplicated = 0;
        long unexpected = 0;
        List<String> missingExamples = new ArrayList<>();
        List<String> duplicatedExamples = new ArrayList<>();
        List<String> unexpectedExamples = new ArrayList<>();
        for (Map.Entry<Event, long[]> entry : bounds.entrySet()) {
            long count = seen.getOrDefault(entry.getKey(), 0L);
            long[] b = entry.getValue();
            if (count < b[0]) {
                missing += b[0] - count;
                example(missingExamples, "missing: " + entry.getKey() + " (seen " + count + " of " + b[0] + ")");
            } else if (count > b[1]) {
                duplicated += count - b[1];
                example(
                        duplicatedExamples,
                        "duplicated: " + entry.getKey() + " (seen " + count + ", at most " + b[1] + " expected)");
            }
        }
        for (Map.Entry<Event, Long> entry : seen.entrySet()) {
            if (!bounds.containsKey(entry.getKey())) {
                unexpected += entry.getValue();
                example(unexpectedExamples, "unexpected: " + entry.getKey() + " x" + entry.getValue());
            }
        }
        List<String> examples = new ArrayList<>();
        examples.addAll(missingExamples);
        examples.addAll(duplicatedExamples);
        examples.addAll(unexpectedExamples);
        examples.addAll(orderExamples);
        return new Diff(
                expectedByTopic, seenByTopic, missing, duplicated, unexpected, outOfOrder, List.copyOf(examples));
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < EXAMPLES) {
            examples.add(text);
        }
    }

    /** The events the ledger holds (lower bounds), by topic: for reports. */
    public synchronized Map<String, Long> expectedByTopic() {
        return bounds.entrySet().stream()
                .collect(Collectors.groupingBy(
                        e -> e.getKey().topic(), TreeMap::new, Collectors.summingLong(e -> e.getValue()[0])));
    }
}
