package dev.peering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
        assertEquals(Output.Format.yaml, Output.Format.parse("yaml"));
        assertEquals(Output.Format.none, Output.Format.parse("none"));
        CliFailure f = assertThrows(CliFailure.class, () -> Output.Format.parse("xml"));
        assertEquals(ExitCodes.USAGE, f.exitCode());
        assertEquals("--output 'xml' is not one of: table, json, jsonc, tsv, yaml, none", f.getMessage());
    }

    /** Strings that YAML would read back as something else unless they are quoted. */
    static final String TRICKY = "{\"name\":\"143\",\"properties\":{\"flags\":[\"true\",\"no\",\"null\",\"\","
            + "\"1e3\",\"0x1F\",\"1:20\",\".inf\",\"a: b\",\"# not a comment\",\"2001:504:16::/64\",\"line\\nbreak\",\"- dash\"],"
            + "\"peerAsn\":30000,\"ok\":true,\"none\":null,\"nested\":{\"x\":[]}}}";

    @Test
    void yamlReadsBackAsTheSameJsonEvenForStringsThatLookLikeOtherTypes() throws Exception {
        JsonNode resource = json(TRICKY);

        String yaml = Output.render(Output.Format.yaml, resource, Views.PEER_ASN, false, false);

        assertEquals(resource, new YAMLMapper().readTree(yaml));
        assertTrue(yaml.startsWith("name: \"143\"\n"), yaml);
        assertTrue(yaml.contains("peerAsn: 30000\n"), yaml);
    }

    @Test
    void tsvWithoutAQueryIsEveryColumnOfTheTableWithoutHeadersEvenEmptyOnes() throws Exception {
        List<JsonNode> rows = List.of(
                json("{\"name\":\"a\",\"properties\":{\"peerAsn\":30000,\"peerName\":\"Contoso\\tIX\","
                        + "\"validationState\":\"Approved\"}}"),
                json("{\"name\":\"b\",\"properties\":{\"peerAsn\":64512,\"peerName\":\"C\","
                        + "\"validationState\":\"Failed\",\"errorMessage\":\"private\\nASN\"}}"));

        String tsv = Output.render(Output.Format.tsv, Output.array(rows), Views.PEER_ASN, false, false);

        assertEquals("a\t30000\tContoso IX\tApproved\t\nb\t64512\tC\tFailed\tprivate ASN\n", tsv);
    }

    @Test
    void tsvOfAQueryResultFollowsAz() throws Exception {
        JsonNode rows = json("[{\"name\":\"a\",\"asn\":1,\"tags\":{\"x\":\"y\"},\"list\":[1,2,3],\"gone\":null},"
                + "[\"b\",2,false],\"c\",7]");

        assertEquals(
                "a\t1\t\t3\t\nb\t2\tfalse\nc\n7\n",
                Output.render(Output.Format.tsv, rows, Views.PEER_ASN, true, false));
        assertEquals("Approved\n", Output.render(Output.Format.tsv, json("\"Approved\""), Views.PEER_ASN, true, false));
    }

    @Test
    void aTableOfAQueryResultHasAColumnPerScalarFieldLikeAz() throws Exception {
        JsonNode rows = json("[{\"id\":\"/x\",\"name\":\"conn-a\",\"state\":\"Active\",\"bgp\":{\"v4\":1}},"
                + "{\"name\":\"conn-b\",\"extra\":\"late\"}]");

        assertEquals(
                """
                Name    State   Extra
                ------  ------  -----
                conn-a  Active
                conn-b          late
                """,
                Output.render(Output.Format.table, rows, Views.CONNECTION, true, false));
        assertEquals(
                """
                Result
                --------
                seattle1
                """,
                Output.render(Output.Format.table, json("[\"seattle1\"]"), Views.PEERING, true, false));
        assertEquals(
                """
                Column1  Column2
                -------  -------
                a        1
                """,
                Output.render(Output.Format.table, json("[[\"a\",1]]"), Views.PEERING, true, false));
    }

    @Test
    void jsoncIsTheJsonTextColouredOnATerminalAndPlainElsewhere() throws Exception {
        JsonNode resource = json(TRICKY);
        String plain = Output.render(Output.Format.json, resource, Views.PEER_ASN, false, true);

        String coloured = Output.render(Output.Format.jsonc, resource, Views.PEER_ASN, false, true);

        assertEquals(plain, Output.render(Output.Format.jsonc, resource, Views.PEER_ASN, false, false));
        assertEquals(plain, ColouredJson.plain(coloured));
        assertTrue(coloured.contains(ColouredJson.KEY + "\"name\"" + ColouredJson.RESET), coloured);
        assertTrue(coloured.contains(ColouredJson.STRING + "\"143\"" + ColouredJson.RESET), coloured);
        assertTrue(coloured.contains(ColouredJson.STRING + "\"a: b\"" + ColouredJson.RESET), "a colon inside a value");
        assertTrue(coloured.contains(ColouredJson.NUMBER + "30000" + ColouredJson.RESET), coloured);
        assertTrue(coloured.contains(ColouredJson.LITERAL + "true" + ColouredJson.RESET), coloured);
    }

    @Test
    void noneIsNothing() throws Exception {
        assertEquals("", Output.render(Output.Format.none, json(TRICKY), Views.PEER_ASN, false, false));
    }

    private static List<String> cells(String line) {
        return List.of(line.trim().split("\\s{2,}"));
    }
}
