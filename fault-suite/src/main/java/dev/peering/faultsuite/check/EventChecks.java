package dev.peering.faultsuite.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.events.CloudEvent;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.EventJson;
import dev.peering.events.MalformedEventException;
import dev.peering.events.PeerAsnEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.events.RegistrationEvent;
import dev.peering.events.Topics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the topics alone prove: no state change lost (each connection's transitions chain without a gap
 * along the state machine) and none applied twice (no transition, approval, connection request or Prefix
 * Key issued twice). An event id seen twice is a redelivery (the outbox is at-least-once) when the two
 * records are the same event, counted apart; the same id on two different events is a defect.
 */
public final class EventChecks {

    /** The allowed connection transitions, as the seed's exchange walkthrough gives them. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "PendingApproval", Set.of("Approved", "ProvisioningFailed", "ExternalBlocker"),
            "Approved", Set.of("ProvisioningStarted", "ProvisioningFailed", "ExternalBlocker"),
            "ProvisioningStarted", Set.of("ProvisioningCompleted", "ProvisioningFailed", "ExternalBlocker"),
            "ProvisioningCompleted", Set.of("Validating", "ProvisioningFailed", "ExternalBlocker"),
            "Validating", Set.of("Active", "ProvisioningFailed", "ExternalBlocker"),
            "Active", Set.of("TypeChangeRequested"),
            "ProvisioningFailed", Set.of("ProvisioningStarted"),
            "ExternalBlocker",
                    Set.of(
                            "PendingApproval",
                            "Approved",
                            "ProvisioningStarted",
                            "ProvisioningCompleted",
                            "Validating",
                            "TypeChangeRequested",
                            "TypeChangeInProgress"),
            "TypeChangeRequested", Set.of("TypeChangeInProgress", "ProvisioningFailed", "ExternalBlocker"),
            "TypeChangeInProgress", Set.of("Active", "ProvisioningFailed", "ExternalBlocker"));

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The counts; {@code findings} names the first offenders so a person can look them up. */
    public record Result(
            long records,
            long unreadable,
            long redeliveries,
            long conflictingIds,
            long connections,
            long connectionGaps,
            long illegalTransitions,
            long duplicateTransitions,
            long sessionGaps,
            long duplicateApprovals,
            long duplicatePeeringRequests,
            long duplicateKeysIssued,
            List<String> findings) {}

    private long unreadable;
    private long redeliveries;
    private long conflictingIds;
    private long connectionGaps;
    private long illegalTransitions;
    private long duplicateTransitions;
    private long sessionGaps;
    private long duplicateApprovals;
    private long duplicatePeeringRequests;
    private long duplicateKeysIssued;
    private final List<String> findings = new ArrayList<>();

    private EventChecks() {}

    /** Checks the records of the four event topics (records of other topics are ignored). */
    public static Result check(List<Record> records) {
        return new EventChecks().run(records);
    }

    private Result run(List<Record> records) {
        List<Record> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparing(Record::topic)
                .thenComparingInt(Record::partition)
                .thenComparingLong(Record::offset));
        Map<String, JsonNode> byId = new HashMap<>();
        Map<String, List<CloudEvent>> byTopic = new LinkedHashMap<>();
        for (Record record : ordered) {
            CloudEvent event;
            try {
                event = EventJson.read(record.value());
            } catch (MalformedEventException e) {
                unreadable++;
                finding("unreadable record " + where(record) + ": " + e.getMessage());
                continue;
            }
            JsonNode tree = tree(record.value());
            JsonNode earlier = byId.putIfAbsent(event.id(), tree);
            if (earlier != null) {
                if (earlier.equals(tree)) {
                    redeliveries++;
                } else {
                    conflictingIds++;
                    finding("event id " + event.id() + " names two different events, again at " + where(record));
                }
                continue;
            }
            byTopic.computeIfAbsent(record.topic(), topic -> new ArrayList<>()).add(event);
        }
        long connections = connectionPaths(byTopic.getOrDefault(Topics.CONNECTION_EVENTS, List.of()));
        peerAsns(byTopic.getOrDefault(Topics.PEER_ASN_EVENTS, List.of()));
        peerings(byTopic.getOrDefault(Topics.PEERING_EVENTS, List.of()));
        registrations(byTopic.getOrDefault(Topics.REGISTRATION_EVENTS, List.of()));
        return new Result(
                records.size(),
                unreadable,
                redeliveries,
                conflictingIds,
                connections,
                connectionGaps,
                illegalTransitions,
                duplicateTransitions,
                sessionGaps,
                duplicateApprovals,
                duplicatePeeringRequests,
                duplicateKeysIssued,
                List.copyOf(findings));
    }

    /** Where one connection stands while its events are replayed. */
    private static final class Path {
        String state;
        String v4;
        String v6;
        final Set<String> transitions = new HashSet<>();
    }

    private long connectionPaths(List<CloudEvent> events) {
        Map<String, Path> paths = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (CloudEvent event : events) {
            String subject = event.subject();
            seen.add(subject);
            Path path = paths.computeIfAbsent(subject, s -> new Path());
            ConnectionEvent data = event.dataAs(ConnectionEvent.class);
            switch (event.type()) {
                case ConnectionEvent.STATE_CHANGED -> {
                    String previous = data.previousConnectionState();
                    String next = data.connectionState();
                    if (path.state == null && previous != null) {
                        gap(subject, "first event moves from " + previous + ", not from creation", event);
                    } else if (path.state != null && !path.state.equals(previous)) {
                        gap(subject, "was " + path.state + ", next event moves from " + previous, event);
                    }
                    if (previous == null && !"PendingApproval".equals(next)) {
                        illegal(subject, "created as " + next, event);
                    } else if (previous != null
                            && !ALLOWED.getOrDefault(previous, Set.of()).contains(next)) {
                        illegal(subject, previous + " -> " + next, event);
                    }
                    if ("ProvisioningFailed".equals(previous)) {
                        // a retry: the path runs again from where the retry starts it, each step once more
                        path.transitions.removeIf(t -> t.startsWith("state "));
                    }
                    if (!path.transitions.add("state " + previous + " -> " + next)) {
                        duplicate(subject, previous + " -> " + next, event);
                    }
                    path.state = next;
                    path.v4 = session(subject, "IPv4", path.v4, data.sessionStateV4(), event);
                    path.v6 = session(subject, "IPv6", path.v6, data.sessionStateV6(), event);
                }
                case ConnectionEvent.SESSION_STATE_CHANGED -> {
                    path.v4 = sessionStep(
                            subject,
                            "IPv4",
                            path,
                            path.v4,
                            data.previousSessionStateV4(),
                            data.sessionStateV4(),
                            event);
                    path.v6 = sessionStep(
                            subject,
                            "IPv6",
                            path,
                            path.v6,
                            data.previousSessionStateV6(),
                            data.sessionStateV6(),
                            event);
                }
                case ConnectionEvent.REMOVED -> paths.remove(subject);
                default -> {
                    unreadable++;
                    finding("unknown connection event type " + event.type() + " (" + event.id() + ")");
                }
            }
        }
        return seen.size();
    }

    /** A state-change event repeats the session states; they must match what the session events said. */
    private String session(String subject, String family, String known, String now, CloudEvent event) {
        if (known != null && now != null && !known.equals(now)) {
            sessionGaps++;
            finding("connection " + subject + " " + family + " session was " + known + ", event " + event.id()
                    + " says " + now);
        }
        return now == null ? known : now;
    }

    private String sessionStep(
            String subject, String family, Path path, String known, String previous, String next, CloudEvent event) {
        if (previous == null) {
            return session(subject, family, known, next, event);
        }
        if (known != null && !known.equals(previous)) {
            sessionGaps++;
            finding("connection " + subject + " " + family + " session was " + known + ", event " + event.id()
                    + " moves from " + previous);
        }
        if (!path.transitions.add(family + " " + previous + " -> " + next)) {
            duplicate(subject, family + " " + previous + " -> " + next, event);
        }
        return next;
    }

    private void peerAsns(List<CloudEvent> events) {
        Set<String> transitions = new HashSet<>();
        for (CloudEvent event : events) {
            if (event.type().equals(PeerAsnEvent.VALIDATION_STATE_CHANGED)) {
                PeerAsnEvent data = event.dataAs(PeerAsnEvent.class);
                String key = event.subject() + " " + data.previousValidationState() + " -> " + data.validationState();
                if (!transitions.add(key)) {
                    duplicateApprovals++;
                    finding("PeerAsn decided twice: " + key + " (" + event.id() + ")");
                }
            }
        }
    }

    private void peerings(List<CloudEvent> events) {
        Set<String> requested = new HashSet<>();
        for (CloudEvent event : events) {
            PeeringEvent data = event.dataAs(PeeringEvent.class);
            switch (event.type()) {
                case PeeringEvent.CREATED -> {
                    if (!requested.add(event.subject() + " created")) {
                        duplicatePeeringRequests++;
                        finding("peering created twice: " + event.subject() + " (" + event.id() + ")");
                    }
                }
                case PeeringEvent.CONNECTIONS_REQUESTED -> {
                    for (PeeringEvent.Connection connection :
                            Objects.requireNonNullElse(data.connections(), List.<PeeringEvent.Connection>of())) {
                        if (!requested.add(event.subject() + " requests " + connection.connectionIdentifier())) {
                            duplicatePeeringRequests++;
                            finding("connection requested twice: " + event.subject() + " "
                                    + connection.connectionIdentifier() + " (" + event.id() + ")");
                        }
                    }
                }
                default -> {}
            }
        }
    }

    private void registrations(List<CloudEvent> events) {
        Set<String> issued = new HashSet<>();
        for (CloudEvent event : events) {
            if (event.type().equals(RegistrationEvent.ASN_REGISTERED)) {
                RegistrationEvent data = event.dataAs(RegistrationEvent.class);
                boolean firstById = issued.add("id " + data.registeredAsnId());
                boolean firstByAsn = issued.add("asn " + data.peeringId() + " " + data.asn());
                if (!firstById || !firstByAsn) {
                    duplicateKeysIssued++;
                    finding("second Prefix Key issued for " + data.registeredAsnId() + " (ASN " + data.asn() + ", "
                            + event.id() + ")");
                }
            }
        }
    }

    private void gap(String subject, String what, CloudEvent event) {
        connectionGaps++;
        finding("gap in connection " + subject + ": " + what + " (" + event.id() + ")");
    }

    private void illegal(String subject, String what, CloudEvent event) {
        illegalTransitions++;
        finding("illegal transition of connection " + subject + ": " + what + " (" + event.id() + ")");
    }

    private void duplicate(String subject, String what, CloudEvent event) {
        duplicateTransitions++;
        finding("transition applied twice on connection " + subject + ": " + what + " (" + event.id() + ")");
    }

    private void finding(String text) {
        if (findings.size() < 50) {
            findings.add(text);
        }
    }

    private static String where(Record record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static JsonNode tree(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new MalformedEventException("not JSON", e);
        }
    }
}
