package dev.peering.asn.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.asn.domain.Contact;
import dev.peering.asn.domain.Contacts;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** The {@code contacts} column: a JSON array of contacts in the ARM shape. */
@Converter(autoApply = true)
public class ContactsConverter implements AttributeConverter<Contacts, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Contact>> LIST = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(Contacts contacts) {
        if (contacts == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(contacts.items());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contacts cannot be written", e);
        }
    }

    @Override
    public Contacts convertToEntityAttribute(String json) {
        if (json == null) {
            return null;
        }
        try {
            return new Contacts(JSON.readValue(json, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored contacts cannot be read", e);
        }
    }
}
