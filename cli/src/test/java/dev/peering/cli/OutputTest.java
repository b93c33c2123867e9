package dev.peering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTest {

    private static JsonNode json(String text) throws Exception {
        return ArmClient.JSON.readTree(text);
    }

    @Test
    void tableAlignsColumnsUnderDashedHeaders() throws Exception {
        List<JsonNode> rows = List.of(
                json("{\"name\":\"myAsn1\",\"properties\":{\"peerAsn\":65000,\"peerName\":\"Contoso\","
                        + "\"validationState\":\"Pending\"}}"),
                json("{\"name\":\"a\",\"properties\":{\"peerAsn\":8075,\"peerName\":\"Fabrikam Networks\","
                        + "\"validationState\":\"Failed\",\"errorMessage\":\"AS 8075 is not yours\"}}"));

        String table = Output.table(Views.PEER_ASN, rows);

        assertEquals(
                """
                Name    PeerAsn  PeerName           ValidationState  ErrorMessage
                ------  -------  -----------------  ---------------  --------------------
                myAsn1  65000    Contoso            Pending
                a       8075     Fabrikam Networks  Failed           AS 8075 is not yours
                """,
                table);
    }

    @Test
    void peeringColumnsReadNestedAndDerivedValues() throws Exception {
        JsonNode peering = json(
                "{\"name\":\"p1\",\"id\":\"/subscriptions/s/resourceGroups/rg1/providers/Microsoft.Peering/peerings/p1\","
                        + "\"sku\":{\"name\":\"Premium_Direct_Free\"},\"properties\":{\"peeringLocation\":\"Seattle\","
                        + "\"provisioningState\":\"Updating\",\"direct\":{\"peerAsn\":{\"id\":"
                        + "\"/subscriptions/s/providers/Microsoft.Peering/peerAsns/myAsn1\"},\"connections\":[{},{}]}}}");

        String table = Output.table(Views.PEERING, List.of(peering));

        assertEquals(
                List.of("p1", "rg1", "Seattle", "Premium_Direct_Free", "myAsn1", "2", "Updating"),
                cells(table.lines().toList().get(2)));
    }

    @Test
    void connectionColumnsReadBareOrWrappedConnections() throws Exception {
        JsonNode bare = json("{\"connectionIdentifier\":\"c1\",\"connectionState\":\"Active\","
                + "\"bgpSession\":{\"sessionStateV4\":\"Established\"}}");
        JsonNode wrapped = json("{\"name\":\"c2\",\"properties\":{\"connectionIdentifier\":\"c2\","
                + "\"connectionState\":\"Validating\",\"bgpSession\":{\"sessionStateV4\":\"PendingAdd\"}}}");

        List<String> lines =
                Output.table(Views.CONNECTION, List.of(bare, wrapped)).lines().toList();

        assertEquals(List.of("c1", "Active", "Established"), cells(lines.get(2)));
        assertEquals(List.of("c2", "Validating", "PendingAdd"), cells(lines.get(3)));
    }

    @Test
    void emptyListIsTheHeaderOnly() {
        assertEquals(2, Output.table(Views.REGISTERED_ASN, List.of()).lines().count());
    }

    @Test
    void jsonIsThePrettyResourceAndListsAreArrays() throws Exception {
        JsonNode asn = json("{\"name\":\"x\",\"properties\":{\"peerAsn\":1}}");

        assertEquals(asn, ArmClient.JSON.readTree(Output.json(asn)));
        assertEquals(
                ArmClient.JSON.createArrayNode().add(asn).add(asn),
                ArmClient.JSON.readTree(Output.json(List.of(asn, asn))));
    }

    @Test
    void formatIsTableByDefaultAndRefusesUnknownNames() {
        assertEquals(Output.Format.table, Output.Format.parse(null));
        assertEquals(Output.Format.json, Output.Format.parse("JSON"));
        CliFailure f = assertThrows(CliFailure.class, () -> Output.Format.parse("yaml"));
        assertEquals(ExitCodes.USAGE, f.exitCode());
    }

    private static List<String> cells(String line) {
        return List.of(line.trim().split("\\s{2,}"));
    }
}
