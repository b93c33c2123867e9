package dev.peering.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArmSpecTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void theSpecHasItsFortyFiveOperations() {
        assertEquals(45, ArmSpec.get().operations().size());
        assertEquals(
                "PUT",
                ArmSpec.get()
                        .operations()
                        .get("RegisteredPrefixes_CreateOrUpdate")
                        .method());
    }

    @Test
    void aResponseOfTheRightShapePassesAndEachWrongTypeOrValueIsNamed() throws Exception {
        JsonNode good = json(
                "{'id':'/x','name':'web','type':'Microsoft.Peering/registeredPrefixes',"
                        + "'properties':{'prefix':'20.5.0.0/16','prefixValidationState':'Verified','provisioningState':'Succeeded'}}");
        assertEquals(List.of(), ArmSpec.get().violations("RegisteredPrefixes_Get", 200, good));

        JsonNode bad = json("{'name':5,'properties':{'prefix':'20.5.0.0/16','prefixValidationState':'Fine'}}");
        List<String> found = ArmSpec.get().violations("RegisteredPrefixes_Get", 200, bad);
        assertTrue(found.contains("$.name should be a string: 5"), found.toString());
        assertTrue(
                found.stream().anyMatch(v -> v.startsWith("$.properties.prefixValidationState is 'Fine'")),
                found.toString());
        assertEquals(2, found.size(), found.toString());

        assertTrue(ArmSpec.get()
                .violations("RegisteredPrefixes_Get", 201, good)
                .get(0)
                .contains("201"));
        JsonNode list = json("{'value':[{'properties':{'direct':{'connections':[{'connectionState':'Nope'}]}}}]}");
        assertEquals(
                1,
                ArmSpec.get()
                        .violations("Peerings_ListBySubscription", 200, list)
                        .size());
    }
}
