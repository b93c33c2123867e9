package dev.peering.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event contract only grows: {@code asyncapi.yaml} against the last released copy kept in
 * {@code event-contracts/released/asyncapi.yaml}. A breaking change fails {@code mvn verify} here, with one
 * line per break; the README (Event contracts) says what to do instead, and when to copy the document to
 * {@code released/}.
 */
class ContractCompatibilityTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode released() throws IOException {
        return YAML.readTree(Files.readString(Path.of("released", "asyncapi.yaml")));
    }

    static JsonNode current() throws IOException {
        try (InputStream in = ContractCompatibilityTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            return YAML.readTree(in);
        }
    }

    @Test
    void theContractBreaksNothingOfTheReleasedOne() throws IOException {
        assertEquals(List.of(), ContractCompatibility.breaks(released(), current()));
    }

    @Test
    void eachKindOfBreakIsFoundAndAdditionsAreNot() throws IOException {
        JsonNode released = released();
        // grown: a property, an enum value, a schema, a message: all compatible
        ObjectNode grown = released.deepCopy();
        ObjectNode schemas = (ObjectNode) grown.path("components").path("schemas");
        ((ObjectNode) schemas.path("ConnectionData").path("properties"))
                .putObject("newField")
                .put("type", "string");
        ((ArrayNode) schemas.path("ValidationState").path("enum")).add("Expired");
        schemas.putObject("NewData").put("type", "object");
        ((ObjectNode) grown.path("components").path("messages"))
                .putObject("newMessage")
                .put("name", "dev.peering.x.new");
        assertEquals(List.of(), ContractCompatibility.breaks(released, grown));

        ObjectNode broken = released.deepCopy();
        ObjectNode brokenSchemas = (ObjectNode) broken.path("components").path("schemas");
        ((ObjectNode) brokenSchemas.path("ConnectionData").path("properties")).remove("reason");
        ((ObjectNode) brokenSchemas.path("PeerAsnData").path("properties").path("peerAsn")).put("type", "string");
        ArrayNode states = (ArrayNode) brokenSchemas.path("ValidationState").path("enum");
        states.remove(states.size() - 1);
        brokenSchemas.set("AgreementPayload", brokenSchemas.remove("AgreementData"));
        ((ObjectNode) broken.path("components").path("messages").path("peerAsnDeleted"))
                .put("name", "dev.peering.peerAsn.removed");
        assertEquals(
                List.of(
                        "CloudEvent type dev.peering.peerAsn.deleted removed or renamed",
                        "ValidationState: enum value \"Failed\" removed",
                        "PeerAsnData.peerAsn: type \"integer\" became \"string\"",
                        "ConnectionData: property reason removed or renamed",
                        "schema AgreementData removed or renamed"),
                ContractCompatibility.breaks(released, broken));
    }
}
