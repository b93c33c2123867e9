package dev.peering.asn.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.asn.domain.Contact;
import dev.peering.asn.persistence.PeerAsnEntity;
import dev.peering.events.PeerAsnEvent;
import java.util.List;

/** The one place entities become API bodies and events. */
public final class PeerAsnMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {};

    private PeerAsnMapper() {}

    public static PeerAsnResourceBody toApi(PeerAsnEntity e) {
        List<PeerAsnResourceBody.ContactDetail> contacts = readContacts(e.contacts).stream()
                .map(c -> new PeerAsnResourceBody.ContactDetail(c.role(), c.email(), c.phone()))
                .toList();
        return new PeerAsnResourceBody(
                e.resourceId(),
                e.name,
                PeerAsnResourceBody.TYPE,
                new PeerAsnResourceBody.Properties(
                        e.peerAsn, contacts, e.peerName, e.validationState.name(), e.errorMessage));
    }

    public static List<Contact> toContacts(List<PeerAsnResourceBody.ContactDetail> details) {
        return details == null
                ? null
                : details.stream()
                        .map(d -> d == null ? null : new Contact(d.role(), d.email(), d.phone()))
                        .toList();
    }

    public static PeerAsnEvent toEvent(PeerAsnEntity e, String previousState) {
        return new PeerAsnEvent(
                e.resourceId(),
                e.subscriptionId,
                e.name,
                e.peerAsn,
                e.peerName,
                previousState,
                e.validationState.name(),
                e.errorMessage);
    }

    public static String writeContacts(List<Contact> contacts) {
        try {
            return JSON.writeValueAsString(contacts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contacts cannot be written", e);
        }
    }

    private static List<Contact> readContacts(String json) {
        try {
            return JSON.readValue(json, CONTACTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored contacts cannot be read", e);
        }
    }
}
