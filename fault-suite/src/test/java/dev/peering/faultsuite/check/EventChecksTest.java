package dev.peering.faultsuite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peering.events.CloudEvent;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.EventJson;
import dev.peering.events.RegistrationEvent;
import dev.peering.events.Topics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventChecksTest {

    private static final String PEERING = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerings/p1";
    private static final String CONNECTION = PEERING + "/connections/c1";
    private static final String[] PATH = {
        null, "PendingApproval", "Approved", "ProvisioningStarted", "ProvisioningCompleted", "Validating", "Active"
    };

    private final List<Record> records = new ArrayList<>();

    @Test
    void aWholePathHasNoGapAndNoDuplicate() {
        wholePath();

        EventChecks.Result result = check();

        assertEquals(1, result.connections());
        assertEquals(0, result.connectionGaps());
        assertEquals(0, result.duplicateTransitions());
        assertEquals(0, result.illegalTransitions());
        assertEquals(0, result.sessionGaps());
    }

    @Test
    void aMissingTransitionIsAGap() {
        wholePath();
        records.remove(3);

        assertEquals(1, check().connectionGaps());
    }

    @Test
    void aMissingCreationIsAGap() {
        wholePath();
        records.remove(0);

        assertEquals(1, check().connectionGaps());
    }

    @Test
    void theSameTransitionUnderANewIdIsADuplicateNotARedelivery() {
        wholePath();
        records.add(
                3, connection(ConnectionEvent.STATE_CHANGED, "Approved", "ProvisioningStarted", null, "PendingAdd"));

        EventChecks.Result result = check();

        assertEquals(1, result.duplicateTransitions());
        assertEquals(0, result.redeliveries());
    }

    @Test
    void theSameRecordTwiceIsARedeliveryOnly() {
        wholePath();
        records.add(4, records.get(3));

        EventChecks.Result result = check();

        assertEquals(1, result.redeliveries());
        assertEquals(0, result.duplicateTransitions());
        assertEquals(0, result.connectionGaps());
    }

    @Test
    void oneIdOnTwoDifferentEventsIsAConflict() {
        wholePath();
        CloudEvent original = EventJson.read(records.get(2).value());
        CloudEvent other = new CloudEvent(
                original.specversion(),
                original.id(),
                original.type(),
                original.source(),
                original.subject() + "x",
                original.time(),
                original.datacontenttype(),
                original.correlationid(),
                original.subscription(),
                original.data());
        records.add(record(Topics.CONNECTION_EVENTS, EventJson.write(other)));

        assertEquals(1, check().conflictingIds());
    }

    @Test
    void aRetryRunsThePathAgainWithoutDuplicatesButTwiceWithinOneRunIsOne() {
        wholePath();
        // failed in Validating, retried: ProvisioningStarted, ProvisioningCompleted and Validating once more
        String[] retry = {
            "Validating", "ProvisioningFailed", "ProvisioningStarted", "ProvisioningCompleted", "Validating"
        };
        for (int i = 1; i < retry.length; i++) {
            records.add(4 + i, connection(ConnectionEvent.STATE_CHANGED, retry[i - 1], retry[i], null, "PendingAdd"));
        }

        EventChecks.Result retried = check();
        assertEquals(0, retried.duplicateTransitions());
        assertEquals(0, retried.connectionGaps() + retried.illegalTransitions());

        records.add(
                8,
                connection(
                        ConnectionEvent.STATE_CHANGED,
                        "ProvisioningStarted",
                        "ProvisioningCompleted",
                        null,
                        "PendingAdd"));
        assertEquals(1, check().duplicateTransitions());
    }

    @Test
    void aTransitionTheStateMachineForbidsIsCounted() {
        records.add(connection(ConnectionEvent.STATE_CHANGED, null, "PendingApproval", null, "PendingAdd"));
        records.add(connection(ConnectionEvent.STATE_CHANGED, "PendingApproval", "Active", null, "PendingAdd"));

        assertEquals(1, check().illegalTransitions());
    }

    @Test
    void aSessionStepFromAStateItWasNotInIsASessionGap() {
        wholePath();
        records.add(connection(ConnectionEvent.SESSION_STATE_CHANGED, "Active", "Active", "Idle", "Connect"));

        assertEquals(1, check().sessionGaps());
    }

    @Test
    void aSecondPrefixKeyForOneRegisteredAsnIsCounted() {
        records.add(registered("ra-1"));
        records.add(registered("ra-1"));

        assertEquals(1, check().duplicateKeysIssued());
    }

    /** The records in the order of the list, as one partition holds them. */
    private EventChecks.Result check() {
        List<Record> numbered = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            numbered.add(new Record(r.topic(), r.partition(), i, r.key(), r.value()));
        }
        return EventChecks.check(numbered);
    }

    /** The seed's path, then the IPv6 session coming up. */
    private void wholePath() {
        for (int i = 1; i < PATH.length; i++) {
            records.add(connection(ConnectionEvent.STATE_CHANGED, PATH[i - 1], PATH[i], null, "PendingAdd"));
        }
        String[] session = {"PendingAdd", "Idle", "Connect", "OpenSent", "OpenConfirm", "Established"};
        for (int i = 1; i < session.length; i++) {
            records.add(
                    connection(ConnectionEvent.SESSION_STATE_CHANGED, "Active", "Active", session[i - 1], session[i]));
        }
    }

    private Record connection(String type, String previous, String state, String previousV6, String v6) {
        ConnectionEvent data = new ConnectionEvent(
                PEERING,
                "s1",
                "c1",
                143,
                previous,
                state,
                null,
                "None",
                previousV6,
                v6,
                null,
                "test",
                null,
                null,
                null,
                null,
                null);
        CloudEvent event = EventJson.newEvent(type, ConnectionEvent.SOURCE, CONNECTION, "corr", "s1", data);
        return record(Topics.CONNECTION_EVENTS, EventJson.write(event));
    }

    private Record registered(String id) {
        RegistrationEvent data = RegistrationEvent.registeredAsn(
                id, PEERING, "s1", "rg", "p1", "customer", 300001, true, "Succeeded", null);
        CloudEvent event =
                EventJson.newEvent(RegistrationEvent.ASN_REGISTERED, RegistrationEvent.SOURCE, id, "corr", "s1", data);
        return record(Topics.REGISTRATION_EVENTS, EventJson.write(event));
    }

    private Record record(String topic, String value) {
        return new Record(topic, 0, 0, PEERING, value);
    }
}
