package dev.peering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command line end to end against a fake service: what is sent, what is printed, which exit code. */
class PeeringCliTest {

    static final String ASNS = "/subscriptions/sub-1/providers/Microsoft.Peering/peerAsns";
    static final String PEERINGS = "/subscriptions/sub-1/resourceGroups/rg1/providers/Microsoft.Peering/peerings";
    static final String PENDING =
            "{'name':'myAsn1','properties':{'peerAsn':65000,'peerName':'Contoso'," + "'validationState':'Pending'}}";
    static final String APPROVED = PENDING.replace("Pending", "Approved");

    FakeArm arm;

    @BeforeEach
    void start() throws Exception {
        arm = new FakeArm();
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    private static JsonNode json(String text) throws Exception {
        return ArmClient.JSON.readTree(text);
    }

    @Test
    void asnCreateSendsTheArmBodyWithApiVersionCorrelationIdAndToken() throws Exception {
        arm.on("PUT " + ASNS + "/myAsn1", 201, PENDING);

        FakeArm.Run run = arm.run(
                Map.of("PEERING_TOKEN", "t0ken"),
                "",
                "asn",
                "create",
                "-s",
                "sub-1",
                "-n",
                "myAsn1",
                "--peer-asn",
                "65000",
                "--peer-name",
                "Contoso",
                "--email",
                "noc@contoso.example",
                "--correlation-id",
                "corr-42");

        assertEquals(0, run.exitCode(), run.err());
        FakeArm.Request put = arm.requests("PUT").get(0);
        assertEquals("api-version=2022-10-01", put.query());
        assertEquals("corr-42", put.header("x-ms-correlation-request-id"));
        assertEquals("Bearer t0ken", put.header("Authorization"));
        assertEquals(
                json("{\"properties\":{\"peerAsn\":65000,\"peerName\":\"Contoso\",\"peerContactDetail\":"
                        + "[{\"role\":\"Noc\",\"email\":\"noc@contoso.example\"}]}}"),
                json(put.body()));
        List<String> lines = run.out().lines().toList();
        assertEquals("Name    PeerAsn  PeerName  ValidationState", lines.get(0));
        assertEquals("myAsn1  65000    Contoso   Pending", lines.get(2));
    }

    @Test
    void eachCommandSendsAFreshCorrelationIdAndVerboseShowsIt() {
        arm.on("GET " + ASNS + "/myAsn1", 200, PENDING);

        FakeArm.Run first = arm.run("asn", "show", "-s", "sub-1", "-n", "myAsn1", "--verbose");
        arm.run("asn", "show", "-s", "sub-1", "-n", "myAsn1");

        String id1 = arm.requests.get(0).header("x-ms-correlation-request-id");
        String id2 = arm.requests.get(1).header("x-ms-correlation-request-id");
        assertTrue(id1.matches("[0-9a-f-]{36}"), id1);
        assertTrue(!id1.equals(id2));
        assertTrue(first.err().contains("correlation id: " + id1), first.err());
        assertTrue(first.err().contains("> GET " + arm.url() + ASNS + "/myAsn1?api-version=2022-10-01"), first.err());
        assertNull(arm.requests.get(0).header("Authorization"), "no token, no Authorization header");
    }

    @Test
    void outputJsonPrintsTheResourceAsTheServiceReturnedIt() throws Exception {
        arm.on("GET " + ASNS + "/myAsn1", 200, PENDING);

        FakeArm.Run run = arm.run("asn", "show", "-s", "sub-1", "-n", "myAsn1", "-o", "json");

        assertEquals(0, run.exitCode());
        assertEquals(json(PENDING.replace('\'', '"')), json(run.out()));
    }

    @Test
    void anArmErrorIsExitCode1WithTheMessageTheUserShouldRead() {
        arm.onRaw(
                "PUT " + ASNS + "/myAsn1",
                400,
                "{\"error\":{\"code\":\"InvalidRequestContent\",\"message\":"
                        + "\"'properties.peerName' may hold only letters and spaces\"}}");

        FakeArm.Run run = arm.run(
                "asn",
                "create",
                "-s",
                "sub-1",
                "-n",
                "myAsn1",
                "--peer-asn",
                "65000",
                "--peer-name",
                "C0ntoso!",
                "--email",
                "a@b.example");

        assertEquals(ExitCodes.ARM_ERROR, run.exitCode());
        assertEquals(
                "error InvalidRequestContent: 'properties.peerName' may hold only letters and spaces\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void anErrorWithoutAnArmBodyStillSaysWhatHappened() {
        arm.on("GET " + ASNS + "/x", 502, "bad gateway");

        FakeArm.Run run = arm.run("asn", "show", "-s", "sub-1", "-n", "x");

        assertEquals(ExitCodes.ARM_ERROR, run.exitCode());
        assertEquals("error HttpStatus502: bad gateway\n", run.err());
    }

    @Test
    void usageErrorsAreExitCode2AndSendNothing() {
        assertEquals(ExitCodes.USAGE, arm.run("asn", "show", "-n", "x").exitCode(), "no subscription");
        assertEquals(ExitCodes.USAGE, arm.run("asn", "show", "-s", "s").exitCode(), "no name");
        assertEquals(
                ExitCodes.USAGE,
                arm.run("asn", "show", "-s", "s", "-n", "x", "--colour").exitCode());
        assertEquals(ExitCodes.USAGE, arm.run("asn").exitCode(), "a group without a verb");
        assertEquals(
                ExitCodes.USAGE,
                arm.run("asn", "show", "-s", "s", "-n", "x", "-o", "xml").exitCode());
        assertEquals(
                ExitCodes.USAGE,
                arm.run("asn", "show", "-s", "s", "-n", "x", "--query", "[?name==")
                        .exitCode());
        assertEquals(
                ExitCodes.USAGE,
                arm.run("peering", "create", "-s", "s", "-g", "rg", "-n", "p").exitCode());
        assertEquals(
                ExitCodes.USAGE,
                arm.run("asn", "create", "-s", "s", "-n", "x", "--peer-asn", "many", "--peer-name", "C")
                        .exitCode());
        assertTrue(arm.requests.isEmpty(), "a usage error sends no request");
    }

    @Test
    void anUnreachableServiceIsExitCode3() {
        FakeArm.Run run =
                FakeArm.runWith(Map.of("PEERING_ASN_URL", "http://127.0.0.1:1"), "", "asn", "list", "-s", "sub-1");

        assertEquals(ExitCodes.UNREACHABLE, run.exitCode());
        assertTrue(run.err().startsWith("error: cannot reach http://127.0.0.1:1"), run.err());
    }

    @Test
    void waitFollowsTheResourceUntilItSettlesAndPrintsProgressOnStderr() {
        arm.on("PUT " + ASNS + "/myAsn1", 201, PENDING);
        arm.on("GET " + ASNS + "/myAsn1", 200, PENDING).on("GET " + ASNS + "/myAsn1", 200, APPROVED);

        FakeArm.Run run = arm.run(
                "asn",
                "create",
                "-s",
                "sub-1",
                "-n",
                "myAsn1",
                "--peer-asn",
                "65000",
                "--peer-name",
                "Contoso",
                "--email",
                "a@b.example",
                "--wait",
                "--interval",
                "10ms");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("peerAsn myAsn1: Pending"), run.err());
        assertTrue(run.err().contains("peerAsn myAsn1: Approved"), run.err());
        assertTrue(run.out().contains("Approved"), run.out());
    }

    @Test
    void waitEndingInAFailedStateIsExitCode4AndWaitTimingOutIs5() {
        arm.on(
                "GET " + ASNS + "/failed",
                200,
                PENDING.replace("'Pending'", "'Failed','errorMessage':'AS 65000 is not announced by Contoso'"));
        arm.on("GET " + ASNS + "/slow", 200, PENDING);
        arm.on("PUT " + ASNS + "/failed", 201, PENDING);
        arm.on("PUT " + ASNS + "/slow", 201, PENDING);
        String[] create = {
            "asn",
            "create",
            "-s",
            "sub-1",
            "--peer-asn",
            "65000",
            "--peer-name",
            "Contoso",
            "--email",
            "a@b.example",
            "--wait",
            "--interval",
            "10ms",
            "-n"
        };

        FakeArm.Run failed = arm.run(Map.of(), "", concat(create, "failed"));
        FakeArm.Run slow = arm.run(Map.of(), "", concat(concat(create, "slow"), "--timeout", "100ms"));

        assertEquals(ExitCodes.WAIT_FAILED, failed.exitCode());
        assertTrue(
                failed.err().endsWith("error: peerAsn failed is Failed: AS 65000 is not announced by Contoso\n"),
                failed.err());
        assertEquals(ExitCodes.WAIT_TIMED_OUT, slow.exitCode());
        assertTrue(
                slow.err().contains("error: peerAsn slow did not settle within 100ms (it is still Pending)"),
                slow.err());
    }

    @Test
    void listShowsTheFirstPageOrEveryPageWithAll() {
        arm.on(
                "GET " + ASNS,
                200,
                "{'value':[" + PENDING + "],'nextLink':'" + arm.url() + ASNS
                        + "?api-version=2022-10-01&$skipToken=myAsn1'}");

        FakeArm.Run firstPage = arm.run("asn", "list", "-s", "sub-1");

        assertEquals(3, firstPage.out().lines().count());
        assertTrue(firstPage.err().contains("--all"), firstPage.err());

        arm.on("GET " + ASNS, 200, "{'value':[" + APPROVED.replace("myAsn1", "myAsn2") + "]}");
        arm.requests.clear();
        FakeArm.Run all = arm.run("asn", "list", "-s", "sub-1", "--all", "-o", "json");

        assertEquals(0, all.exitCode(), all.err());
        assertEquals(2, arm.requests.size());
        assertEquals(
                "api-version=2022-10-01&$skipToken=myAsn1", arm.requests.get(1).query());
        assertTrue(all.out().contains("myAsn1") && all.out().contains("myAsn2"), all.out());
    }

    @Test
    void removingAConnectionNeedsTheWordYes() {
        String path = PEERINGS + "/p1/connections/C1";
        arm.on("DELETE " + path, 200, "");
        String[] remove = {"connection", "remove", "-s", "sub-1", "-g", "rg1", "-p", "p1", "-c", "C1"};

        FakeArm.Run refused = arm.run(Map.of(), "no\n", remove);

        assertEquals(ExitCodes.USAGE, refused.exitCode());
        assertTrue(refused.err().contains("Type yes to confirm"), refused.err());
        assertTrue(arm.requests.isEmpty(), "nothing is removed without yes");

        FakeArm.Run typed = arm.run(Map.of(), "yes\n", remove);
        FakeArm.Run flag = arm.run(Map.of(), "", concat(remove, "--yes"));

        assertEquals(0, typed.exitCode(), typed.err());
        assertEquals(0, flag.exitCode(), flag.err());
        assertTrue(!flag.err().contains("Type yes"));
        assertEquals(2, arm.requests("DELETE").size());
        assertEquals(
                "api-version=2022-10-01&confirm=yes",
                arm.requests("DELETE").get(0).query());
    }

    @Test
    void peeringCreateBuildsTheExchangeRouteServerBody() throws Exception {
        arm.on("PUT " + PEERINGS + "/p1", 201, "{'name':'p1','properties':{'provisioningState':'Updating'}}");

        FakeArm.Run run = arm.run(
                "peering",
                "create",
                "-s",
                "sub-1",
                "-g",
                "rg1",
                "-n",
                "p1",
                "--peering-location",
                "Seattle",
                "--peer-asn",
                "myAsn1",
                "--location",
                "westus2",
                "--connection",
                "id=C1,facility=143,bandwidth=10000,peer-v4=206.81.80.40",
                "--connection",
                "id=C2,facility=9,bandwidth=10000,peer-v6=2001:504:16::2",
                "--tags",
                "env=lab");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode body = json(arm.requests("PUT").get(0).body());
        assertEquals("Premium_Direct_Free", body.at("/sku/name").asText());
        assertEquals("Direct", body.get("kind").asText());
        assertEquals("IxRs", body.at("/properties/direct/directPeeringType").asText());
        assertEquals(
                "/subscriptions/sub-1/providers/Microsoft.Peering/peerAsns/myAsn1",
                body.at("/properties/direct/peerAsn/id").asText());
        assertEquals("Seattle", body.at("/properties/peeringLocation").asText());
        assertEquals(
                "C2",
                body.at("/properties/direct/connections/1/connectionIdentifier").asText());
        assertEquals(
                "2001:504:16::2",
                body.at("/properties/direct/connections/1/bgpSession/peerSessionIPv6Address")
                        .asText());
        assertEquals("lab", body.at("/tags/env").asText());
        assertEquals("westus2", body.get("location").asText());
    }

    @Test
    void theLocationTheApiRequiresIsRequiredBeforeAnythingIsSent() {
        FakeArm.Run peering = arm.run(
                "peering",
                "create",
                "-s",
                "sub-1",
                "-g",
                "rg1",
                "-n",
                "p1",
                "--peering-location",
                "Seattle",
                "--peer-asn",
                "myAsn1",
                "--connection",
                "id=C1,facility=143,bandwidth=10000,peer-v4=206.81.80.40");
        FakeArm.Run service = arm.run(
                "service",
                "create",
                "-s",
                "sub-9",
                "-g",
                "crg",
                "-n",
                "ps",
                "--peering-service-location",
                "Washington",
                "--peering-service-provider",
                "Contoso IX");

        assertEquals(ExitCodes.USAGE, peering.exitCode());
        assertTrue(peering.err().contains("peering create needs --location,"), peering.err());
        assertEquals(ExitCodes.USAGE, service.exitCode());
        assertTrue(service.err().contains("Missing required option: '--location=REGION'"), service.err());
        assertTrue(arm.requests.isEmpty());
        assertTrue(
                arm.run("peering", "create", "--help").out().contains("required by the API"),
                "the help no longer calls it optional");
    }

    @Test
    void addSessionPatchesTheBgpSession() throws Exception {
        arm.on(
                "PATCH " + PEERINGS + "/p1/connections/C1",
                200,
                "{'connectionIdentifier':'C1','connectionState':'Active'}");

        FakeArm.Run run = arm.run(
                "connection",
                "add-session",
                "-s",
                "sub-1",
                "-g",
                "rg1",
                "-p",
                "p1",
                "-c",
                "C1",
                "--peer-session-ipv6-address",
                "2001:504:16::2",
                "--session-prefix-v6",
                "2001:504:16::/64",
                "--max-prefixes-advertised-ipv6",
                "100");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                json("{\"bgpSession\":{\"sessionPrefixV6\":\"2001:504:16::/64\",\"peerSessionIPv6Address\":"
                        + "\"2001:504:16::2\",\"maxPrefixesAdvertisedV6\":100}}"),
                json(arm.requests("PATCH").get(0).body()));
    }

    @Test
    void locationListAsksForDirectIxRsLocations() {
        arm.on(
                "GET /subscriptions/sub-1/providers/Microsoft.Peering/peeringLocations",
                200,
                "{'value':[{'name':'Seattle','properties':{'country':'US','direct':{'peeringFacilities':"
                        + "[{'peeringDBFacilityId':143},{'peeringDBFacilityId':9}]}}}]}");

        FakeArm.Run run = arm.run("location", "list", "-s", "sub-1");

        assertEquals(0, run.exitCode(), run.err());
        String query = arm.requests.get(0).query();
        assertTrue(query.contains("kind=Direct") && query.contains("directPeeringType=IxRs"), query);
        assertTrue(run.out().lines().toList().get(2).matches("Seattle\\s+US\\s+143,9"), run.out());
    }

    @Test
    void registeredPrefixCreateWaitsUntilItIsDecidedAndValidatePostsToTheAction() throws Exception {
        String path = "/subscriptions/sub-1/resourceGroups/rg1/providers/Microsoft.Peering/peerings/p1"
                + "/registeredPrefixes/web";
        arm.on(
                "PUT " + path,
                201,
                "{'name':'web','properties':{'prefix':'20.5.0.0/16','prefixValidationState':'Pending'}}");
        arm.on(
                "GET " + path,
                200,
                "{'name':'web','properties':{'prefix':'20.5.0.0/16','prefixValidationState':'Verified',"
                        + "'peeringServicePrefixKey':'6f1e4d5c-0000-4000-8000-00000000000a'}}");
        arm.on("POST " + path + "/validate", 200, "{'name':'web','properties':{'prefixValidationState':'Pending'}}");

        FakeArm.Run created = arm.run(
                "registered-prefix",
                "create",
                "-s",
                "sub-1",
                "-g",
                "rg1",
                "-p",
                "p1",
                "-n",
                "web",
                "--prefix",
                "20.5.0.0/16",
                "--wait",
                "--interval",
                "10ms");
        assertEquals(0, created.exitCode(), created.err());
        assertEquals(
                "20.5.0.0/16",
                json(arm.requests.get(0).body()).at("/properties/prefix").asText());
        assertTrue(created.out().contains("Verified"), created.out());

        FakeArm.Run validated =
                arm.run("registered-prefix", "validate", "-s", "sub-1", "-g", "rg1", "-p", "p1", "-n", "web");
        assertEquals(0, validated.exitCode(), validated.err());
        assertTrue(
                arm.requests.stream()
                        .anyMatch(r -> r.method().equals("POST") && r.path().equals(path + "/validate")),
                arm.requests.toString());
    }

    @Test
    void serviceCreateSendsItsSkuAndTags() throws Exception {
        String path = "/subscriptions/sub-1/resourceGroups/rg1/providers/Microsoft.Peering/peeringServices/ps";
        arm.on("PUT " + path, 201, "{'name':'ps','location':'westus2','sku':{'name':'Standard'}}");

        FakeArm.Run created = arm.run(
                "service",
                "create",
                "-s",
                "sub-1",
                "-g",
                "rg1",
                "-n",
                "ps",
                "-l",
                "westus2",
                "--peering-service-location",
                "Washington",
                "--peering-service-provider",
                "Contoso IX",
                "--sku",
                "Standard",
                "--tags",
                "env=prod",
                "team=noc");

        assertEquals(0, created.exitCode(), created.err());
        JsonNode body = json(arm.requests("PUT").get(0).body());
        assertEquals("Standard", body.at("/sku/name").asText());
        assertEquals("prod", body.at("/tags/env").asText());
        assertEquals("noc", body.at("/tags/team").asText());
        assertEquals("Contoso IX", body.at("/properties/peeringServiceProvider").asText());
    }

    @Test
    void lookingGlassPostsItsQueryAndPrintsTheRoutersText() throws Exception {
        String path = "/subscriptions/sub-1/providers/Microsoft.Peering/lookingGlass";
        arm.on("POST " + path, 200, "{'command':'Ping','output':'3 packets transmitted, 3 received'}");
        FakeArm.Run ping =
                arm.run("looking-glass", "-s", "sub-1", "--command", "Ping", "--destination-ip", "206.81.81.10");
        assertEquals(0, ping.exitCode(), ping.err());
        assertEquals("3 packets transmitted, 3 received" + System.lineSeparator(), ping.out());
        String query = arm.requests.get(0).query();
        for (String part : List.of(
                "command=Ping", "sourceType=EdgeSite", "sourceLocation=Seattle", "destinationIP=206.81.81.10")) {
            assertTrue(query.contains(part), query);
        }
    }

    @Test
    void serviceListUpdateAndTheCatalogCallTheirPaths() throws Exception {
        String sub = "/subscriptions/sub-1/providers/Microsoft.Peering";
        arm.on("GET " + sub + "/peeringServices", 200, "{'value':[{'name':'ps','location':'westus2'}]}");
        arm.on(
                "GET /subscriptions/sub-1/resourceGroups/rg1/providers/Microsoft.Peering/peeringServices",
                200,
                "{'value':[]}");
        arm.on(
                "PATCH /subscriptions/sub-1/resourceGroups/rg1/providers/Microsoft.Peering/peeringServices/ps",
                200,
                "{'name':'ps','tags':{'env':'prod'}}");
        arm.on(
                "GET " + sub + "/peeringServiceLocations",
                200,
                "{'value':[{'name':'Hesse','properties':{'country':'Germany','state':'Hesse'}}]}");
        arm.on(
                "GET " + sub + "/peeringServiceProviders",
                200,
                "{'value':[{'name':'Contoso IX','properties':{'peeringLocations':['Seattle','Ashburn']}}]}");
        arm.on("GET " + sub + "/peeringServiceCountries", 200, "{'value':[{'name':'Germany'}]}");

        assertEquals(0, arm.run("service", "list", "-s", "sub-1").exitCode());
        assertEquals(0, arm.run("service", "list", "-s", "sub-1", "-g", "rg1").exitCode());
        FakeArm.Run updated =
                arm.run("service", "update", "-s", "sub-1", "-g", "rg1", "-n", "ps", "--tags", "env=prod");
        assertEquals(0, updated.exitCode(), updated.err());
        FakeArm.Run locations = arm.run("service", "location", "list", "-s", "sub-1", "--country", "Germany");
        assertTrue(locations.out().contains("Hesse"), locations.out());
        FakeArm.Run providers = arm.run("service", "provider", "list", "-s", "sub-1");
        assertTrue(providers.out().contains("Seattle,Ashburn"), providers.out());
        assertTrue(arm.run("service", "country", "list", "-s", "sub-1").out().contains("Germany"));

        assertEquals(
                List.of(
                        "GET " + sub + "/peeringServices",
                        "GET /subscriptions/sub-1/resourceGroups/rg1/providers/Microsoft.Peering/peeringServices",
                        "PATCH /subscriptions/sub-1/resourceGroups/rg1/providers/Microsoft.Peering/peeringServices/ps",
                        "GET " + sub + "/peeringServiceLocations",
                        "GET " + sub + "/peeringServiceProviders",
                        "GET " + sub + "/peeringServiceCountries"),
                arm.requests.stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals("prod", json(arm.requests.get(2).body()).at("/tags/env").asText());
        assertTrue(
                arm.requests.get(3).query().contains("country=Germany"),
                arm.requests.get(3).query());
    }

    @Test
    void thePrefixKeyCanComeFromTheEnvironment() throws Exception {
        String path =
                "/subscriptions/sub-9/resourceGroups/rg/providers/Microsoft.Peering/peeringServices/ps/prefixes/web";
        arm.on(
                "PUT " + path,
                201,
                "{'name':'web','properties':{'prefix':'198.51.100.0/24','prefixValidationState':'Pending'}}");

        FakeArm.Run run = arm.run(
                Map.of("PEERING_PREFIX_KEY", "key-from-env"),
                "",
                "service",
                "prefix",
                "create",
                "-s",
                "sub-9",
                "-g",
                "rg",
                "--peering-service-name",
                "ps",
                "-n",
                "web",
                "--prefix",
                "198.51.100.0/24");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                "key-from-env",
                json(arm.requests.get(0).body())
                        .at("/properties/peeringServicePrefixKey")
                        .asText());
        assertTrue(!run.out().contains("key-from-env"), "the table does not show the Prefix Key");
    }

    @Test
    void operatorActionsPostToTheConnectionAndFailCarriesTheReason() throws Exception {
        String path = PEERINGS + "/p1/connections/C1";
        arm.on("POST " + path + "/fail", 200, "{'connectionIdentifier':'C1','connectionState':'ProvisioningFailed'}");
        arm.on("POST " + path + "/retry", 200, "{'connectionIdentifier':'C1','connectionState':'ProvisioningStarted'}");

        FakeArm.Run fail = arm.run(
                "connection",
                "fail",
                "-s",
                "sub-1",
                "-g",
                "rg1",
                "-p",
                "p1",
                "-c",
                "C1",
                "--reason",
                "cross-connect down");
        FakeArm.Run retry = arm.run("connection", "retry", "-s", "sub-1", "-g", "rg1", "-p", "p1", "-c", "C1");

        assertEquals(0, fail.exitCode(), fail.err());
        assertEquals(0, retry.exitCode(), retry.err());
        assertEquals("{\"reason\":\"cross-connect down\"}", arm.requests.get(0).body());
        assertEquals(path + "/retry", arm.requests.get(1).path());
        assertTrue(retry.out().contains("ProvisioningStarted"), retry.out());
    }

    @Test
    void removeSessionShowsTheRefusalAndChecksTheFamily() {
        String path = PEERINGS + "/p1/connections/C1/removeSession";
        arm.on(
                "POST " + path,
                409,
                "{'error':{'code':'SessionRemovalNotAllowed','message':'contact the peering operator'}}");
        String[] remove = {
            "connection", "remove-session", "-s", "sub-1", "-g", "rg1", "-p", "p1", "-c", "C1", "--family", "IPv6"
        };

        FakeArm.Run peer = arm.run(remove);

        assertEquals(ExitCodes.ARM_ERROR, peer.exitCode());
        assertEquals("error SessionRemovalNotAllowed: contact the peering operator\n", peer.err());
        assertEquals("api-version=2022-10-01&family=IPv6", arm.requests.get(0).query());
        assertEquals(
                ExitCodes.USAGE, arm.run(concat(remove, "--family", "IPv5")).exitCode());
    }

    @Test
    void aPeerDeletingAPeeringReadsTheServicesRefusal() {
        arm.onRaw(
                "DELETE " + PEERINGS + "/p1",
                409,
                "{\"error\":{\"code\":\"DeprovisionNotAllowed\",\"message\":\"Contact the peering operator to"
                        + " deprovision this peering.\"}}");

        FakeArm.Run run = arm.run("peering", "delete", "-s", "sub-1", "-g", "rg1", "-n", "p1");

        assertEquals(ExitCodes.ARM_ERROR, run.exitCode());
        assertEquals(
                "error DeprovisionNotAllowed: Contact the peering operator to deprovision this peering.\n", run.err());
    }

    @Test
    void everyGroupAndVerbHasHelpWithTheExitCodes() {
        for (String[] args : new String[][] {
            {"--help"}, {"connection", "--help"}, {"service", "prefix", "create", "--help"}, {"watch", "--help"}
        }) {
            FakeArm.Run help = arm.run(args);
            assertEquals(0, help.exitCode(), String.join(" ", args) + ": " + help.err());
            assertTrue(help.out().contains("4  --wait ended in a failed state"), help.out());
        }
        assertTrue(arm.requests.isEmpty());
    }

    @Test
    void aNameThatIsNoUrlSegmentReachesTheServiceEncoded() {
        arm.on("GET " + ASNS + "/my%20asn%2Fx", 400, "{'error':{'code':'InvalidResourceName','message':'bad name'}}");

        FakeArm.Run run = arm.run("asn", "show", "-s", "sub-1", "-n", "my asn/x");

        assertEquals(ExitCodes.ARM_ERROR, run.exitCode());
        assertEquals("error InvalidResourceName: bad name\n", run.err());
    }

    static final String LIST =
            "{'value':[" + PENDING + "," + APPROVED.replace("myAsn1", "myAsn2").replace("65000", "65001") + "]}";

    @Test
    void queryAppliesJmesPathToTheListBeforeEachFormat() throws Exception {
        arm.on("GET " + ASNS, 200, LIST);
        String[] list = {"asn", "list", "-s", "sub-1", "--query", "[?properties.validationState=='Approved']"};

        FakeArm.Run json = arm.run(concat(list, "-o", "json"));
        FakeArm.Run names = arm.run("asn", "list", "-s", "sub-1", "--query", "[].name", "-o", "tsv");
        FakeArm.Run rows = arm.run(
                "asn", "list", "-s", "sub-1", "--query", "[].{name: name, asn: properties.peerAsn}", "-o", "tsv");
        FakeArm.Run table =
                arm.run("asn", "list", "-s", "sub-1", "--query", "[].{name: name, state: properties.validationState}");
        FakeArm.Run yaml = arm.run("asn", "list", "-s", "sub-1", "--query", "[0].properties.peerName", "-o", "yaml");

        assertEquals(0, json.exitCode(), json.err());
        JsonNode approved = json(json.out());
        assertEquals(1, approved.size());
        assertEquals("myAsn2", approved.get(0).get("name").asText());
        assertEquals("myAsn1\nmyAsn2\n", names.out());
        assertEquals("myAsn1\t65000\nmyAsn2\t65001\n", rows.out());
        assertEquals("Name    State\n------  --------\nmyAsn1  Pending\nmyAsn2  Approved\n", table.out());
        assertEquals("Contoso\n", yaml.out());
    }

    @Test
    void aQueryThatSelectsNothingPrintsNothingAndNoneNeverPrints() {
        arm.on("GET " + ASNS + "/myAsn1", 200, PENDING);

        FakeArm.Run nothing = arm.run("asn", "show", "-s", "sub-1", "-n", "myAsn1", "--query", "properties.missing");
        FakeArm.Run none = arm.run("asn", "show", "-s", "sub-1", "-n", "myAsn1", "-o", "none");
        FakeArm.Run tsv = arm.run("asn", "show", "-s", "sub-1", "-n", "myAsn1", "-o", "tsv");

        assertEquals(0, nothing.exitCode(), nothing.err());
        assertEquals("", nothing.out());
        assertEquals(0, none.exitCode(), none.err());
        assertEquals("", none.out());
        assertEquals("myAsn1\t65000\tContoso\tPending\t\n", tsv.out(), "the table's columns, no headers");
        assertEquals(3, arm.requests.size());
    }

    @Test
    void aBadQueryIsAUsageErrorThatChangesNothing() {
        FakeArm.Run bad = arm.run(
                "asn",
                "create",
                "-s",
                "sub-1",
                "-n",
                "myAsn1",
                "--peer-asn",
                "65000",
                "--peer-name",
                "Contoso",
                "--query",
                "properties.[validationState");

        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(
                bad.err().startsWith("error: --query 'properties.[validationState' is not a JMESPath expression"),
                bad.err());
        assertTrue(arm.requests.isEmpty(), "nothing is created when the query is wrong");
    }

    @Test
    void aQueryThatFailsOnTheResultIsAUsageError() {
        arm.on("GET " + ASNS + "/myAsn1", 200, PENDING);

        FakeArm.Run run = arm.run("asn", "show", "-s", "sub-1", "-n", "myAsn1", "--query", "abs(name)");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("error: --query 'abs(name)' cannot be applied to this result"), run.err());
    }

    @Test
    void jsoncIsColouredOnlyOnATerminal() throws Exception {
        arm.on("GET " + ASNS + "/myAsn1", 200, PENDING);
        String[] show = {"asn", "show", "-s", "sub-1", "-n", "myAsn1", "-o", "jsonc"};
        Map<String, String> env = Map.of("PEERING_ENDPOINT_BASE", arm.url());

        FakeArm.Run terminal = FakeArm.runWith(env, "", true, show);
        FakeArm.Run pipe = FakeArm.runWith(env, "", false, show);
        FakeArm.Run noColor =
                FakeArm.runWith(Map.of("PEERING_ENDPOINT_BASE", arm.url(), "NO_COLOR", "1"), "", true, show);

        assertTrue(terminal.out().contains(ColouredJson.KEY + "\"name\""), terminal.out());
        assertEquals(pipe.out(), ColouredJson.plain(terminal.out()));
        assertEquals(json(PENDING.replace('\'', '"')), json(pipe.out()));
        assertEquals(pipe.out(), noColor.out());
    }

    @Test
    void waitKeepsWaitingThroughAServiceRestartAndSaysWhatItSaw() {
        arm.on("PUT " + ASNS + "/myAsn1", 201, PENDING);
        arm.on("GET " + ASNS + "/myAsn1", 200, PENDING)
                .on("GET " + ASNS + "/myAsn1", 503, "{'error':{'code':'ServiceUnavailable','message':'db restarting'}}")
                .on("GET " + ASNS + "/myAsn1", 502, "")
                .on("GET " + ASNS + "/myAsn1", 200, APPROVED);

        FakeArm.Run run = arm.run(
                "asn",
                "create",
                "-s",
                "sub-1",
                "-n",
                "myAsn1",
                "--peer-asn",
                "65000",
                "--peer-name",
                "Contoso",
                "--wait",
                "--interval",
                "10ms");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("HTTP 503 ServiceUnavailable: db restarting; still waiting"), run.err());
        assertTrue(
                run.err().contains("HTTP 502 HttpStatus502: the service answered HTTP 502; still waiting"), run.err());
        assertTrue(run.err().contains("peerAsn myAsn1: Approved"), run.err());
        assertEquals(5, arm.requests.size());
    }

    @Test
    void showWaitOfANameThatDoesNotExistEndsAtOnce() {
        FakeArm.Run run =
                arm.run("asn", "show", "-s", "sub-1", "-n", "typo", "--wait", "--interval", "10ms", "--timeout", "2s");

        assertEquals(ExitCodes.ARM_ERROR, run.exitCode());
        assertEquals(1, arm.requests.size());
    }

    @Test
    void theRetryAfterOfAnAnswerReachesTheWaiter() {
        arm.onRaw(
                "GET " + ASNS + "/x",
                new FakeArm.Response(
                        503,
                        "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"later\"}}",
                        Map.of("Retry-After", "7")));
        ArmClient client = new ArmClient(java.net.http.HttpClient.newHttpClient(), null, "c", null);

        CliFailure f = org.junit.jupiter.api.Assertions.assertThrows(
                CliFailure.class, () -> client.get(java.net.URI.create(arm.url()), ASNS + "/x", null));

        assertEquals(java.time.Duration.ofSeconds(7), f.retryAfter());
        assertTrue(f.isTransient());
    }

    @Test
    void completionPrintsPicocliScriptsForBashAndZsh() {
        FakeArm.Run bash = arm.run("completion", "bash");
        FakeArm.Run zsh = arm.run("completion", "zsh");
        FakeArm.Run fish = arm.run("completion", "fish");

        assertEquals(0, bash.exitCode(), bash.err());
        assertTrue(bash.out().contains("complete -F _complete_peering"), bash.out());
        for (String word : List.of("registered-asn", "add-session", "--query", "--output", "completion")) {
            assertTrue(bash.out().contains(word), word);
        }
        assertEquals(0, zsh.exitCode(), zsh.err());
        assertTrue(zsh.out().contains("bashcompinit"), "zsh loads its bash completion layer");
        assertEquals(ExitCodes.USAGE, fish.exitCode());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
