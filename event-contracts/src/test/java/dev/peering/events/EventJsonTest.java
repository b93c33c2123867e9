package dev.peering.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void anEventSurvivesTheWireWithItsAttributes() {
        CloudEvent event = EventJson.newEvent(
                PeerAsnEvent.CREATED,
                PeerAsnEvent.SOURCE,
                "/subscriptions/s/providers/Microsoft.Peering/peerAsns/a",
                "corr-1",
                "s",
                new PeerAsnEvent(
                        "/subscriptions/s/providers/Microsoft.Peering/peerAsns/a",
                        "s",
                        "a",
                        4_294_967_294L,
                        "Contoso",
                        "None",
                        "Pending",
                        null));
        CloudEvent read = EventJson.read(EventJson.write(event));
        assertEquals(event, read);
        assertEquals(4_294_967_294L, read.dataAs(PeerAsnEvent.class).peerAsn());
        assertEquals("1.0", read.specversion());
        assertTrue(EventJson.write(event).contains("\"correlationid\":\"corr-1\""));
    }

    @Test
    void theTraceContextTravelsAsTheTraceparentExtensionAndOnlyWhenThereIsOne() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        CloudEvent traced = EventJson.newEvent(
                PeerAsnEvent.DELETED, PeerAsnEvent.SOURCE, "/subscriptions/s", "c", "s", traceparent, Map.of("a", 1));
        assertTrue(EventJson.write(traced).contains("\"traceparent\":\"" + traceparent + "\""));
        assertEquals(traceparent, EventJson.read(EventJson.write(traced)).traceparent());
        CloudEvent untraced =
                EventJson.newEvent(PeerAsnEvent.DELETED, PeerAsnEvent.SOURCE, "/subscriptions/s", "c", "s", Map.of());
        assertFalse(EventJson.write(untraced).contains("traceparent"));
    }

    @Test
    void whatIsNotACloudEventIsMalformed() {
        for (String value : List.of(
                "", "not json", "[]", "{}", "{\"id\":\"1\",\"type\":\"t\",\"source\":\"s\",\"specversion\":\"1.0\"}")) {
            assertThrows(MalformedEventException.class, () -> EventJson.read(value), value);
        }
        CloudEvent wrongData = EventJson.read(
                "{\"id\":\"1\",\"type\":\"t\",\"source\":\"s\",\"specversion\":\"1.0\",\"data\":{\"peerAsn\":\"x\"}}");
        assertThrows(MalformedEventException.class, () -> wrongData.dataAs(PeerAsnEvent.class));
    }
}
