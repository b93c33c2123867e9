package dev.peering.platform.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.core.Tags;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;

/** The {@code tags} column: a JSON object. Applies to every {@link Tags} field, so entities need not name it. */
@Converter(autoApply = true)
public class TagsConverter implements AttributeConverter<Tags, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(Tags tags) {
        if (tags == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(tags.values());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags cannot be written", e);
        }
    }

    @Override
    public Tags convertToEntityAttribute(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Tags.of(JSON.readValue(json, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tags cannot be read", e);
        }
    }
}
