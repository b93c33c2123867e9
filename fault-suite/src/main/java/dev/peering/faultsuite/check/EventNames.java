package dev.peering.faultsuite.check;

import dev.peering.events.CloudEvent;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.EventJson;
import dev.peering.events.MalformedEventException;
import dev.peering.events.PeerAsnEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.events.RegistrationEvent;
import dev.peering.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a record on one of the four topics says, in the ledger's words ({@link ExpectedEvents.Event#what}):
 * its type and the transition it records; and where it stands in its resource's life, for the order check.
 */
public final class EventNames {

    private EventNames() {}

    /** The ledger's name of one record; empty when it is no readable event of the four topics. */
    public static java.util.Optional<ExpectedEvents.Event> of(Record record) {
        CloudEvent event;
        try {
            event = EventJson.read(record.value());
        } catch (MalformedEventException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                new ExpectedEvents.Event(record.topic(), record.key(), event.subject(), what(record.topic(), event)));
    }

    static String what(String topic, CloudEvent event) {
        String type = event.type();
        switch (topic) {
            case Topics.PEER_ASN_EVENTS -> {
                PeerAsnEvent data = event.dataAs(PeerAsnEvent.class);
                return whatPeerAsn(type, data.previousValidationState(), data.validationState());
            }
            case Topics.PEERING_EVENTS -> {
                PeeringEvent data = event.dataAs(PeeringEvent.class);
                String name = shortType(type);
                if (type.equals(PeeringEvent.CONNECTIONS_REQUESTED)
                        || type.equals(PeeringEvent.CONNECTION_REMOVAL_REQUESTED)
                        || type.equals(PeeringEvent.DEPROVISION_REQUESTED)) {
                    return name + " "
                            + Objects.requireNonNullElse(data.connections(), List.<PeeringEvent.Connection>of())
                                    .stream()
                                    .map(PeeringEvent.Connection::connectionIdentifier)
                                    .sorted()
                                    .toList();
                }
                return name;
            }
            case Topics.CONNECTION_EVENTS -> {
                ConnectionEvent data = event.dataAs(ConnectionEvent.class);
                return switch (type) {
                    case ConnectionEvent.STATE_CHANGED -> "state " + data.previousConnectionState() + " -> "
                            + data.connectionState();
                    case ConnectionEvent.SESSION_STATE_CHANGED -> {
                        List<String> steps = new ArrayList<>();
                        if (data.previousSessionStateV4() != null) {
                            steps.add("session IPv4 " + data.previousSessionStateV4() + " -> " + data.sessionStateV4());
                        }
                        if (data.previousSessionStateV6() != null) {
                            steps.add("session IPv6 " + data.previousSessionStateV6() + " -> " + data.sessionStateV6());
                        }
                        yield steps.isEmpty() ? "session (no step)" : String.join(", ", steps);
                    }
                    default -> shortType(type);
                };
            }
            case Topics.REGISTRATION_EVENTS -> {
                RegistrationEvent data = event.dataAs(RegistrationEvent.class);
                return switch (type) {
                    case RegistrationEvent.ASN_UNREGISTERED -> shortType(type) + " " + data.reason();
                    case RegistrationEvent.PREFIX_VALIDATION_STATE_CHANGED -> "prefix "
                            + data.previousPrefixValidationState() + " -> " + data.prefixValidationState();
                    default -> shortType(type);
                };
            }
            default -> {
                return shortType(type);
            }
        }
    }

    static String whatPeerAsn(String type, String previous, String state) {
        // An update repeats the state the PeerAsn had at the time, which depends on timing: not part of the name.
        return type.equals(PeerAsnEvent.UPDATED) ? "updated" : shortType(type) + " " + previous + " -> " + state;
    }

    private static String shortType(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /**
     * Where an event stands in its resource's life, for the order check; -1 for events that may come at any
     * point (a PeerAsn update) or whose order {@link EventChecks} follows (BGP session steps). One resource's
     * events share one record key, so the topic must hold them in this order.
     */
    static int rank(ExpectedEvents.Event event) {
        String what = event.what();
        return switch (event.topic()) {
            case Topics.PEER_ASN_EVENTS -> what.startsWith("created")
                    ? 0
                    : what.startsWith("validationStateChanged") ? 1 : what.startsWith("deleted") ? 2 : -1;
            case Topics.PEERING_EVENTS -> what.startsWith("created")
                    ? 0
                    : what.startsWith("connectionsRequested")
                            ? 1
                            : what.startsWith("deprovisionRequested") ? 2 : what.equals("deleted") ? 3 : -1;
            case Topics.REGISTRATION_EVENTS -> what.equals("asnRegistered")
                    ? 0
                    : what.startsWith("asnUnregistered") ? 1 : -1;
            case Topics.CONNECTION_EVENTS -> {
                if (what.equals("removed")) {
                    yield 100;
                }
                if (what.contains("-> PendingRemove")) {
                    yield 99;
                }
                if (what.startsWith("state ")) {
                    yield ExpectedEvents.CONNECTION_PATH.indexOf(what.substring(what.lastIndexOf(' ') + 1));
                }
                yield -1;
            }
            default -> -1;
        };
    }
}
