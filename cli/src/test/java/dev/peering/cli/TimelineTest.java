package dev.peering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.events.CloudEvent;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.EventJson;
import dev.peering.events.PeerAsnEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.events.RegistrationEvent;
import dev.peering.events.Topics;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineTest {

    static final String ASN_ID = "/subscriptions/sub-1/providers/Microsoft.Peering/peerAsns/myAsn1";
    static final String PEERING_ID =
            "/subscriptions/sub-1/resourceGroups/rg1/providers/Microsoft.Peering/peerings/seattle1";
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-01T09:15:02.123456Z");

    static CloudEvent event(String type, String source, String subject, Object data) {
        CloudEvent e = EventJson.newEvent(type, source, subject, "corr-1", "sub-1", data);
        return new CloudEvent(
                e.specversion(),
                e.id(),
                e.type(),
                e.source(),
                e.subject(),
                AT,
                e.datacontenttype(),
                e.correlationid(),
                e.subscription(),
                e.data());
    }

    /** Event data as the services write it; a map, so new fields of the contracts do not break these tests. */
    static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }

    static CloudEvent asnEvent(String type, String previous, String state, String error) {
        return event(
                type,
                PeerAsnEvent.SOURCE,
                ASN_ID,
                data(
                        "peerAsnId",
                        ASN_ID,
                        "subscriptionId",
                        "sub-1",
                        "name",
                        "myAsn1",
                        "peerAsn",
                        65000,
                        "peerName",
                        "Contoso",
                        "previousValidationState",
                        previous,
                        "validationState",
                        state,
                        "errorMessage",
                        error));
    }

    static CloudEvent connectionEvent(
            String type, String prevState, String state, String prevV4, String v4, String reason) {
        return event(
                type,
                ConnectionEvent.SOURCE,
                PEERING_ID + "/connections/C1",
                data(
                        "peeringId",
                        PEERING_ID,
                        "subscriptionId",
                        "sub-1",
                        "connectionIdentifier",
                        "C1",
                        "peeringDBFacilityId",
                        143,
                        "previousConnectionState",
                        prevState,
                        "connectionState",
                        state,
                        "previousSessionStateV4",
                        prevV4,
                        "sessionStateV4",
                        v4,
                        "reason",
                        reason,
                        "previousConnectionProvisioningState",
                        null));
    }

    @Test
    void aValidationStateChangeReadsOldToNewWithTheReason() {
        TimelineEntry e = Timeline.entry(
                Topics.PEER_ASN_EVENTS,
                ASN_ID,
                asnEvent(PeerAsnEvent.VALIDATION_STATE_CHANGED, "Pending", "Failed", "AS 65000 is not public"));

        assertEquals(
                "09:15:02.123  asn-validation-service  peerAsns/myAsn1                               "
                        + "Pending -> Failed                   AS 65000 is not public",
                Timeline.line(e, ZoneOffset.UTC));
    }

    @Test
    void anEventThatIsNoChangeShowsItsTypeAndState() {
        TimelineEntry e =
                Timeline.entry(Topics.PEER_ASN_EVENTS, ASN_ID, asnEvent(PeerAsnEvent.CREATED, null, "Pending", null));

        assertEquals("created (Pending)", Timeline.change(e));
        assertTrue(e.changes().isEmpty());
    }

    @Test
    void theFirstStateOfAConnectionIsAChangeFromNothing() {
        TimelineEntry e = Timeline.entry(
                Topics.CONNECTION_EVENTS,
                PEERING_ID,
                connectionEvent(
                        ConnectionEvent.STATE_CHANGED, null, "PendingApproval", null, "PendingAdd", "requested"));

        assertEquals("- -> PendingApproval", Timeline.change(e));
        assertEquals("peerings/seattle1/connections/C1", e.resource());
        assertEquals("connection-service", e.service());
        assertEquals("requested", e.reason());
    }

    @Test
    void sessionChangesAreLabelledByFamily() {
        TimelineEntry e = Timeline.entry(
                Topics.CONNECTION_EVENTS,
                PEERING_ID,
                connectionEvent(ConnectionEvent.SESSION_STATE_CHANGED, "Active", "Active", "Idle", "Connect", null));

        assertEquals("v4 Idle -> Connect", Timeline.change(e));
    }

    @Test
    void aProvisioningStateChangeOfAPeeringIsRead() {
        Map<String, Object> data = data(
                "peeringId",
                PEERING_ID,
                "subscriptionId",
                "sub-1",
                "previousProvisioningState",
                "Updating",
                "provisioningState",
                "Failed",
                "errorMessage",
                "PeerAsn myAsn1 failed validation");
        TimelineEntry e = Timeline.entry(
                Topics.PEERING_EVENTS, PEERING_ID, event(PeeringEvent.FAILED, PeeringEvent.SOURCE, PEERING_ID, data));

        assertEquals("Updating -> Failed", Timeline.change(e));
        assertEquals("PeerAsn myAsn1 failed validation", e.reason());
        assertEquals("peering-service", e.service());
    }

    @Test
    void anUnknownServiceEventIsStillReadGenerically() throws Exception {
        JsonNode data =
                ArmClient.JSON.readTree("{\"registeredAsnId\":\"x\",\"previousState\":\"Active\",\"state\":\"Revoked\","
                        + "\"peeringServicePrefixKey\":\"6a4c-secret\"}");
        CloudEvent e = new CloudEvent(
                "1.0",
                "id-1",
                "dev.peering.registeredAsn.revoked",
                "/services/registration-service",
                PEERING_ID + "/registeredAsns/customer1",
                AT,
                "application/json",
                "corr-9",
                "sub-1",
                data);

        TimelineEntry entry = Timeline.entry(Topics.REGISTRATION_EVENTS, PEERING_ID, e);

        assertEquals("Active -> Revoked", Timeline.change(entry));
        assertEquals("registration-service", entry.service());
        assertFalse(Timeline.json(entry).contains("secret"), "a Prefix Key is never printed");
        assertFalse(Timeline.line(entry, ZoneOffset.UTC).contains("secret"));
    }

    @Test
    void aPrefixGetsItsFirstValidationState() {
        CloudEvent prefix = event(
                RegistrationEvent.PREFIX_VALIDATION_STATE_CHANGED,
                RegistrationEvent.SOURCE,
                "/subscriptions/c/resourceGroups/rg/providers/Microsoft.Peering/peeringServices/ps/prefixes/web",
                data(
                        "prefix",
                        "198.18.0.0/24",
                        "previousPrefixValidationState",
                        null,
                        "prefixValidationState",
                        "Pending"));

        TimelineEntry e = Timeline.entry(Topics.REGISTRATION_EVENTS, "ps", prefix);

        assertEquals("- -> Pending", Timeline.change(e));
        assertEquals("peeringServices/ps/prefixes/web", e.resource());
    }

    @Test
    void jsonLinesCarryTheFieldsAMachineNeeds() throws Exception {
        TimelineEntry e = Timeline.entry(
                Topics.PEER_ASN_EVENTS,
                ASN_ID,
                asnEvent(PeerAsnEvent.VALIDATION_STATE_CHANGED, "Pending", "Approved", null));

        String line = Timeline.json(e);
        JsonNode json = ArmClient.JSON.readTree(line);

        assertFalse(line.contains("\n"), "one event, one line");
        assertEquals("2026-03-01T09:15:02.123456Z", json.get("time").asText());
        assertEquals("asn-validation-service", json.get("service").asText());
        assertEquals(PeerAsnEvent.VALIDATION_STATE_CHANGED, json.get("type").asText());
        assertEquals("peerAsns/myAsn1", json.get("resource").asText());
        assertEquals(ASN_ID, json.get("subject").asText());
        assertEquals("validationState", json.get("field").asText());
        assertEquals("Pending", json.get("from").asText());
        assertEquals("Approved", json.get("to").asText());
        assertEquals("corr-1", json.get("correlationid").asText());
        assertEquals("sub-1", json.get("subscription").asText());
        assertEquals(65000, json.at("/data/peerAsn").asInt());
    }

    @Test
    void shortResourceDropsThePrefixUpToTheProvider() {
        assertEquals("peerings/seattle1", Timeline.shortResource(PEERING_ID));
        assertEquals("peerings/p", Timeline.shortResource("/SUBSCRIPTIONS/s/PROVIDERS/MICROSOFT.PEERING/peerings/p"));
        assertEquals("something-else", Timeline.shortResource("something-else"));
    }
}
