package dev.peering.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Body(String reason, Map<String, String> tags) {}

    private static ObjectMapper mapper() {
        StrictJson strict = new StrictJson();
        strict.maxStringLength = 4096;
        strict.maxNestingDepth = 32;
        ObjectMapper mapper = new ObjectMapper();
        strict.customize(mapper);
        return mapper;
    }

    @Test
    void aNulCharacterInAStringIsRefusedNamingTheField() {
        InvalidFormatException e = assertThrows(
                InvalidFormatException.class, () -> mapper().readValue("{\"reason\":\"a\\u0000b\"}", Body.class));
        assertTrue(e.getMessage().contains(StrictJson.NUL_MESSAGE), e.getMessage());
        assertEquals("reason", e.getPath().get(0).getFieldName());
    }

    @Test
    void aNulCharacterInAMapKeyIsRefused() {
        assertThrows(
                InvalidFormatException.class, () -> mapper().readValue("{\"tags\":{\"k\\u0000\":\"v\"}}", Body.class));
    }

    @Test
    void otherStringsPassUnchanged() throws Exception {
        Body body = mapper().readValue("{\"reason\":\"caf\\u00e9 \\u2603\",\"tags\":{\"env\":\"prod\"}}", Body.class);
        assertEquals("café ☃", body.reason());
        assertEquals(Map.of("env", "prod"), body.tags());
    }
}
