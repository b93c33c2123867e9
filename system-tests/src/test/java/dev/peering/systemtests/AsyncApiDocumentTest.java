package dev.peering.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.AgreementEvent;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.EventJson;
import dev.peering.events.PeerAsnEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.events.RegistrationEvent;
import dev.peering.testsupport.EventSchemas;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document covers every event type of the contracts, and its own examples are valid. */
class AsyncApiDocumentTest {

    final EventSchemas schemas = new EventSchemas();

    @Test
    void everyEventTypeOfTheContractsIsDocumented() throws IllegalAccessException {
        Set<String> types = new TreeSet<>();
        for (Class<?> contract : List.of(
                PeerAsnEvent.class,
                PeeringEvent.class,
                AgreementEvent.class,
                ConnectionEvent.class,
                RegistrationEvent.class)) {
            for (Field field : contract.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        && field.getType() == String.class
                        && field.get(null) instanceof String value
                        && value.startsWith("dev.peering.")) {
                    types.add(value);
                }
            }
        }
        assertFalse(types.isEmpty());
        assertEquals(types, new TreeSet<>(schemas.types()));
    }

    @Test
    void examplesMatchTheirSchemas() {
        assertFalse(schemas.examples().isEmpty());
        schemas.examples().forEach(example -> assertEquals(List.of(), schemas.problems(example), example.toString()));
    }

    @Test
    void aDriftingEventIsCaught() {
        String event = EventJson.write(EventJson.newEvent(
                PeerAsnEvent.CREATED,
                PeerAsnEvent.SOURCE,
                "/subscriptions/s/providers/Microsoft.Peering/peerAsns/a",
                "c",
                "s",
                new PeerAsnEvent(
                        "/subscriptions/s/providers/Microsoft.Peering/peerAsns/a",
                        "s",
                        "a",
                        3356,
                        "X",
                        "None",
                        "Pending",
                        null)));
        assertEquals(List.of(), schemas.problems(event));
        assertFalse(schemas.problems(event.replace("\"validationState\":\"Pending\"", "\"validationState\":\"Maybe\""))
                .isEmpty());
        assertFalse(schemas.problems(event.replace("\"peerName\":\"X\"", "\"peerName\":\"X\",\"md5\":\"secret\""))
                .isEmpty());
        assertTrue(schemas.problems(event.replace("dev.peering.peerAsn.created", "dev.peering.peerAsn.unknown"))
                .get(0)
                .contains("not a message"));
    }
}
