package dev.peering.faultsuite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.CloudEvent;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.EventJson;
import dev.peering.events.PeerAsnEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.events.RegistrationEvent;
import dev.peering.events.Topics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The expected-event ledger diffed both ways against the four topics, on one whole seed workflow. */
class ExpectedEventsTest {

    private static final String PEER_ASN = "/subscriptions/s1/providers/Microsoft.Peering/peerAsns/asn1";
    private static final String PEERING = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerings/p1";
    private static final String CONNECTION = PEERING + "/connections/c1";
    private static final String REGISTERED = PEERING + "/registeredAsns/customer1";

    private final ExpectedEvents ledger = new ExpectedEvents();
    private final List<Record> records = new ArrayList<>();

    @BeforeEach
    void aWholeWorkflowAcknowledgedAndPublished() {
        ledger.peerAsnAcknowledged(PEER_ASN, 201, 0);
        ledger.peeringAcknowledged(PEERING, "c1");
        ledger.connectionAcknowledged(PEERING, "c1");
        ledger.registeredAsnAcknowledged(PEERING, REGISTERED);

        records.add(peerAsn(PeerAsnEvent.CREATED, "None", "Pending"));
        records.add(peerAsn(PeerAsnEvent.VALIDATION_STATE_CHANGED, "Pending", "Approved"));
        records.add(peering(PeeringEvent.CREATED));
        records.add(peering(PeeringEvent.CONNECTIONS_REQUESTED));
        List<String> path = ExpectedEvents.CONNECTION_PATH;
        for (int i = 0; i < path.size(); i++) {
            records.add(connection(
                    ConnectionEvent.STATE_CHANGED, i == 0 ? null : path.get(i - 1), path.get(i), null, null));
        }
        List<String> session = ExpectedEvents.SESSION_PATH;
        for (int i = 1; i < session.size(); i++) {
            records.add(
                    connection(ConnectionEvent.SESSION_STATE_CHANGED, "Active", "Active", session.get(i - 1), null));
            records.add(
                    connection(ConnectionEvent.SESSION_STATE_CHANGED, "Active", "Active", null, session.get(i - 1)));
        }
        records.add(registration(RegistrationEvent.ASN_REGISTERED, REGISTERED));
    }

    @Test
    void aWholeWorkflowMatchesItsLedgerOnAllFourTopics() {
        ExpectedEvents.Diff diff = ledger.diff(records);

        assertEquals(0, diff.missing(), () -> diff.examples().toString());
        assertEquals(0, diff.duplicated(), () -> diff.examples().toString());
        assertEquals(0, diff.unexpected(), () -> diff.examples().toString());
        assertEquals(2L, diff.expectedByTopic().get(Topics.PEER_ASN_EVENTS));
        assertEquals(2L, diff.expectedByTopic().get(Topics.PEERING_EVENTS));
        assertEquals(16L, diff.expectedByTopic().get(Topics.CONNECTION_EVENTS));
        assertEquals(1L, diff.expectedByTopic().get(Topics.REGISTRATION_EVENTS));
        assertEquals(diff.expectedByTopic(), diff.seenByTopic());
    }

    @Test
    void anExpectedEventThatNeverAppearedIsMissing() {
        Record removed = records.remove(7); // connection ProvisioningStarted -> ProvisioningCompleted

        ExpectedEvents.Diff diff = ledger.diff(records);

        assertEquals(1, diff.missing());
        assertEquals(0, diff.duplicated());
        assertEquals(0, diff.unexpected());
        assertTrue(
                diff.examples().get(0).contains("state ProvisioningStarted -> ProvisioningCompleted"), diff::toString);
        assertTrue(removed.value().contains("ProvisioningCompleted"));
    }

    @Test
    void theRegistrationTopicIsReadToo() {
        records.removeIf(r -> r.topic().equals(Topics.REGISTRATION_EVENTS));

        ExpectedEvents.Diff diff = ledger.diff(records);

        assertEquals(1, diff.missing());
        assertTrue(diff.examples().get(0).contains("asnRegistered"), diff::toString);
    }

    @Test
    void anExpectedEventPublishedTwiceUnderTwoIdsIsDuplicated() {
        records.add(peering(PeeringEvent.CONNECTIONS_REQUESTED));

        ExpectedEvents.Diff diff = ledger.diff(records);

        assertEquals(0, diff.missing());
        assertEquals(1, diff.duplicated());
        assertEquals(0, diff.unexpected());
        assertTrue(diff.examples().get(0).contains("connectionsRequested [c1]"), diff::toString);
    }

    @Test
    void theSameEventIdTwiceIsARedeliveryNotADuplicate() {
        records.add(records.get(3));

        ExpectedEvents.Diff diff = ledger.diff(records);

        assertEquals(0, diff.duplicated());
    }

    @Test
    void aResourcesEventsOutOfOrderOnTheirTopicAreCounted() {
        records.add(2, records.remove(3)); // connectionsRequested before created

        ExpectedEvents.Diff diff = ledger.diff(records);

        assertEquals(1, diff.outOfOrder(), diff::toString);
        assertEquals(0, diff.missing() + diff.duplicated() + diff.unexpected());
    }

    @Test
    void aWholePathInOrderIsInOrder() {
        assertEquals(0, ledger.diff(records).outOfOrder());
    }

    @Test
    void anEventNoRequestAskedForIsUnexpected() {
        records.add(registration(RegistrationEvent.ASN_UNREGISTERED, REGISTERED));

        ExpectedEvents.Diff diff = ledger.diff(records);

        assertEquals(0, diff.missing());
        assertEquals(1, diff.unexpected());
        assertTrue(diff.examples().get(0).contains("asnUnregistered"), diff::toString);
    }

    @Test
    void anEventUnderTheWrongRecordKeyIsMissingWhereExpectedAndUnexpectedWhereItIs() {
        Record decided = records.remove(1);
        records.add(new Record(decided.topic(), 0, 0, PEERING, decided.value()));

        ExpectedEvents.Diff diff = ledger.diff(records);

        assertEquals(1, diff.missing());
        assertEquals(1, diff.unexpected());
    }

    @Test
    void anEventDroppedFromTheLedgerIsCaughtOnTheTopic() {
        ledger.forget(new ExpectedEvents.Event(
                Topics.CONNECTION_EVENTS, PEERING, CONNECTION, "session IPv6 OpenConfirm -> Established"));

        assertEquals(1, ledger.diff(records).duplicated());
    }

    @Test
    void anUpdateIsAllowedOncePerPutWhoseAnswerWasLostAndNoMore() {
        ExpectedEvents retried = new ExpectedEvents();
        retried.peerAsnAcknowledged(PEER_ASN, 200, 2);
        List<Record> peerAsnRecords = new ArrayList<>(records.subList(0, 2));

        assertEquals(1, retried.diff(peerAsnRecords).missing(), "a 200 means the PeerAsn existed: one update");

        peerAsnRecords.add(peerAsn(PeerAsnEvent.UPDATED, "Pending", "Pending"));
        peerAsnRecords.add(peerAsn(PeerAsnEvent.UPDATED, "Approved", "Approved"));
        peerAsnRecords.add(peerAsn(PeerAsnEvent.UPDATED, "Approved", "Approved"));
        ExpectedEvents.Diff three = retried.diff(peerAsnRecords);
        assertEquals(0, three.missing());
        assertEquals(0, three.duplicated());

        peerAsnRecords.add(peerAsn(PeerAsnEvent.UPDATED, "Approved", "Approved"));
        assertEquals(1, retried.diff(peerAsnRecords).duplicated());
    }

    @Test
    void aDeprovisioningMatchesItsLedgerAndEachOfItsEventsIsNeeded() {
        ledger.peeringDeprovisioned(PEERING, List.of("c1"));
        ledger.connectionRemoved(PEERING, "c1");
        ledger.registeredAsnRevoked(PEERING, REGISTERED);
        records.add(peering(PeeringEvent.DEPROVISION_REQUESTED));
        records.add(connection(
                ConnectionEvent.SESSION_STATE_CHANGED,
                "Active",
                "Active",
                "Established",
                "Established",
                "PendingRemove"));
        records.add(registration(
                RegistrationEvent.ASN_UNREGISTERED, REGISTERED, RegistrationEvent.REASON_PEERING_DEPROVISIONED));
        records.add(connection(ConnectionEvent.REMOVED, "Active", "Active", null, null, null));
        records.add(peering(PeeringEvent.DELETED));

        ExpectedEvents.Diff whole = ledger.diff(records);
        assertEquals(0, whole.missing() + whole.duplicated() + whole.unexpected(), whole::toString);

        for (int i = 1; i <= 5; i++) {
            List<Record> oneLess = new ArrayList<>(records);
            Record removed = oneLess.remove(oneLess.size() - i);
            assertEquals(1, ledger.diff(oneLess).missing(), removed::value);
        }
    }

    @Test
    void aBlockAndUnblockMatchesItsLedgerInOrderAndEachMoveIsNeeded() {
        ledger.connectionBlocked(PEERING, "c1", "Approved");
        int afterApproved = 6; // two PeerAsn, two peering, then PendingApproval and Approved
        records.add(
                afterApproved, connection(ConnectionEvent.STATE_CHANGED, "Approved", "ExternalBlocker", null, null));
        records.add(
                afterApproved + 1,
                connection(ConnectionEvent.STATE_CHANGED, "ExternalBlocker", "Approved", null, null));

        ExpectedEvents.Diff whole = ledger.diff(records);
        assertEquals(
                0, whole.missing() + whole.duplicated() + whole.unexpected() + whole.outOfOrder(), whole::toString);

        List<Record> unblockLost = new ArrayList<>(records);
        unblockLost.remove(afterApproved + 1);
        assertEquals(1, ledger.diff(unblockLost).missing());

        ExpectedEvents notBlocked = wholeWorkflowLedger();
        assertEquals(2, notBlocked.diff(records).unexpected(), "a block nobody acknowledged");
    }

    @Test
    void aFailureInValidatingAndItsRetryRepeatTheStepsItTookBeforeAndEachIsNeeded() {
        ledger.connectionFailed(PEERING, "c1", "Validating");
        ledger.connectionRetried(PEERING, "c1");
        int afterValidating = 9; // two PeerAsn, two peering, then PendingApproval ... Validating
        List<String> retry =
                List.of("Validating", "ProvisioningFailed", "ProvisioningStarted", "ProvisioningCompleted");
        for (int i = 0; i < retry.size(); i++) {
            records.add(
                    afterValidating + i,
                    connection(
                            ConnectionEvent.STATE_CHANGED,
                            retry.get(i),
                            i + 1 < retry.size() ? retry.get(i + 1) : "Validating",
                            null,
                            null));
        }

        ExpectedEvents.Diff whole = ledger.diff(records);
        assertEquals(
                0, whole.missing() + whole.duplicated() + whole.unexpected() + whole.outOfOrder(), whole::toString);
        for (int i = 0; i < retry.size(); i++) {
            List<Record> oneLess = new ArrayList<>(records);
            Record removed = oneLess.remove(afterValidating + i);
            assertEquals(1, ledger.diff(oneLess).missing(), removed::value);
        }

        ExpectedEvents notRetried = wholeWorkflowLedger();
        notRetried.connectionFailed(PEERING, "c1", "Validating");
        ExpectedEvents.Diff withoutRetry = notRetried.diff(records);
        assertEquals(1, withoutRetry.unexpected(), "a retry nobody acknowledged: " + withoutRetry);
        assertEquals(3, withoutRetry.duplicated(), "its steps once more, and Active: " + withoutRetry);
    }

    @Test
    void aFailureInPendingApprovalAndItsRetrySkipTheApproval() {
        ledger.connectionFailed(PEERING, "c1", "PendingApproval");
        ledger.connectionRetried(PEERING, "c1");
        records.remove(6); // Approved -> ProvisioningStarted
        records.remove(5); // PendingApproval -> Approved
        records.add(5, connection(ConnectionEvent.STATE_CHANGED, "PendingApproval", "ProvisioningFailed", null, null));
        records.add(
                6, connection(ConnectionEvent.STATE_CHANGED, "ProvisioningFailed", "ProvisioningStarted", null, null));

        ExpectedEvents.Diff whole = ledger.diff(records);
        assertEquals(
                0, whole.missing() + whole.duplicated() + whole.unexpected() + whole.outOfOrder(), whole::toString);

        ExpectedEvents notFailed = wholeWorkflowLedger();
        ExpectedEvents.Diff diff = notFailed.diff(records);
        assertEquals(2, diff.missing(), "the approval's two steps: " + diff);
        assertEquals(2, diff.unexpected(), "a failure and a retry nobody acknowledged: " + diff);
    }

    private static ExpectedEvents wholeWorkflowLedger() {
        ExpectedEvents whole = new ExpectedEvents();
        whole.peerAsnAcknowledged(PEER_ASN, 201, 0);
        whole.peeringAcknowledged(PEERING, "c1");
        whole.connectionAcknowledged(PEERING, "c1");
        whole.registeredAsnAcknowledged(PEERING, REGISTERED);
        return whole;
    }

    private Record peerAsn(String type, String previous, String state) {
        PeerAsnEvent data = new PeerAsnEvent(PEER_ASN, "s1", "asn1", 200001, "Peer", previous, state, null);
        return record(
                Topics.PEER_ASN_EVENTS,
                PEER_ASN,
                EventJson.newEvent(type, PeerAsnEvent.SOURCE, PEER_ASN, "corr", "s1", data));
    }

    private Record peering(String type) {
        PeeringEvent.Connection c1 = new PeeringEvent.Connection(
                "c1", 143, 10000, "Peer", false, null, null, null, null, null, null, null, null, false);
        PeeringEvent data =
                new PeeringEvent(PEERING, "s1", "rg", "p1", PEER_ASN, "Seattle", null, "Updating", null, List.of(c1));
        return record(
                Topics.PEERING_EVENTS,
                PEERING,
                EventJson.newEvent(type, PeeringEvent.SOURCE, PEERING, "corr", "s1", data));
    }

    private Record connection(String type, String previous, String state, String previousV4, String previousV6) {
        List<String> session = ExpectedEvents.SESSION_PATH;
        String v4 = previousV4 == null ? null : session.get(session.indexOf(previousV4) + 1);
        String v6 = previousV6 == null ? null : session.get(session.indexOf(previousV6) + 1);
        return connection(type, previous, state, previousV4, v4, previousV6, v6);
    }

    private Record connection(
            String type, String previous, String state, String previousV4, String previousV6, String both) {
        return connection(type, previous, state, previousV4, both, previousV6, both);
    }

    private Record connection(
            String type, String previous, String state, String previousV4, String v4, String previousV6, String v6) {
        ConnectionEvent data = new ConnectionEvent(
                PEERING,
                "s1",
                "c1",
                143,
                previous,
                state,
                previousV4,
                v4,
                previousV6,
                v6,
                null,
                "test",
                null,
                null,
                null,
                null,
                null);
        return record(
                Topics.CONNECTION_EVENTS,
                PEERING,
                EventJson.newEvent(type, ConnectionEvent.SOURCE, CONNECTION, "corr", "s1", data));
    }

    private Record registration(String type, String subject) {
        return registration(
                type, subject, type.equals(RegistrationEvent.ASN_REGISTERED) ? null : RegistrationEvent.REASON_DELETED);
    }

    private Record registration(String type, String subject, String reason) {
        RegistrationEvent data = RegistrationEvent.registeredAsn(
                subject,
                PEERING,
                "s1",
                "rg",
                "p1",
                "customer1",
                300001,
                type.equals(RegistrationEvent.ASN_REGISTERED),
                "Succeeded",
                reason);
        return record(
                Topics.REGISTRATION_EVENTS,
                PEERING,
                EventJson.newEvent(type, RegistrationEvent.SOURCE, subject, "corr", "s1", data));
    }

    private static Record record(String topic, String key, CloudEvent event) {
        return new Record(topic, 0, 0, key, EventJson.write(event));
    }
}
