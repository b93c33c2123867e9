package dev.peering.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private final ObjectMapper json = new ObjectMapper();
    private final OpenApiMerger merger = new OpenApiMerger(json);

    private JsonNode doc(String text) throws Exception {
        return json.readTree(text.replace('\'', '"'));
    }

    @Test
    void pathsComponentsAndTagsOfAllServicesAreMergedAndEveryOperationDeclaresApiVersionAndBearer() throws Exception {
        JsonNode asn = doc(
                """
                {'openapi':'3.1.0','servers':[{'url':'http://localhost:8081'}],
                 'paths':{'/subscriptions/{s}/providers/Microsoft.Peering/peerAsns/{n}':{
                   'get':{'responses':{'200':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Body'}}}}}},
                   'put':{'security':[{'SecurityScheme':[]}],'parameters':[{'name':'n','in':'path'}]}}},
                 'components':{'schemas':{'Body':{'type':'object','properties':{'peerAsn':{'type':'integer'}}},
                   'Shared':{'type':'string'}},
                   'securitySchemes':{'SecurityScheme':{'type':'http','scheme':'bearer'}}},
                 'tags':[{'name':'PeerAsns'}]}""");
        JsonNode peering = doc(
                """
                {'openapi':'3.1.0',
                 'paths':{'/subscriptions/{s}/providers/Microsoft.Peering/peerings':{
                   'get':{'parameters':[{'name':'api-version','in':'query','required':true,
                     'schema':{'type':'string','default':'2022-10-01'}}],
                    'responses':{'200':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Body'}}}}}}}},
                 'components':{'schemas':{'Body':{'type':'object','properties':{'sku':{'type':'string'}}},
                   'Shared':{'type':'string'}}},
                 'tags':[{'name':'Peerings'},{'name':'PeerAsns'}]}""");

        ObjectNode merged = merger.merge(List.of(
                new OpenApiMerger.ServiceDocument(Upstream.ASN_VALIDATION, asn, null),
                new OpenApiMerger.ServiceDocument(Upstream.PEERING, peering, null),
                new OpenApiMerger.ServiceDocument(Upstream.REGISTRATION, null, "not reachable: refused")));

        assertEquals(2, merged.path("paths").size());
        assertFalse(merged.has("servers"), "Try it out calls the gateway itself");
        int operations = 0;
        for (JsonNode item : merged.path("paths")) {
            for (JsonNode operation : item) {
                operations++;
                long apiVersions = 0;
                for (JsonNode p : operation.path("parameters")) {
                    if (p.path("name").asText().equals("api-version")) {
                        apiVersions++;
                        assertEquals("query", p.path("in").asText());
                        assertTrue(p.path("required").asBoolean());
                        assertEquals(
                                "2022-10-01", p.path("schema").path("default").asText());
                    }
                }
                assertEquals(1, apiVersions, "api-version once on " + operation);
                assertFalse(operation.has("security"), "one global requirement: " + operation);
            }
        }
        assertEquals(3, operations);
        assertEquals(
                "{\"bearer\":{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\"}}",
                merged.path("components")
                        .path("securitySchemes")
                        .toString()
                        .replaceAll(",\"description\":\"[^\"]*\"", ""));
        assertEquals("[{\"bearer\":[]}]", merged.path("security").toString());
        // the same name defined differently: the second service's is renamed, its reference follows
        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals(
                "integer",
                schemas.path("Body")
                        .path("properties")
                        .path("peerAsn")
                        .path("type")
                        .asText());
        assertEquals(
                "string",
                schemas.path("Body_peering-service")
                        .path("properties")
                        .path("sku")
                        .path("type")
                        .asText());
        assertTrue(schemas.has("Shared") && !schemas.has("Shared_peering-service"), "alike: kept once");
        assertEquals(
                "#/components/schemas/Body_peering-service",
                merged.at("/paths/~1subscriptions~1{s}~1providers~1Microsoft.Peering~1peerings/get/responses/200"
                                + "/content/application~1json/schema/$ref")
                        .asText());
        assertEquals(
                "[{\"name\":\"PeerAsns\"},{\"name\":\"Peerings\"}]",
                merged.path("tags").toString());
        assertTrue(merged.path("info").path("description").asText().contains("registration-service"));
    }
}
