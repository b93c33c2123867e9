package dev.peering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defaults of the config file and the environment: command line > env > file > built-in. */
class DefaultsTest {

    static final String PEERING = "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Peering/peerings/p1";

    @TempDir
    Path home;

    FakeArm arm;

    @BeforeEach
    void start() throws Exception {
        arm = new FakeArm();
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    private Path config(String text) throws IOException {
        Path file = home.resolve(".config/peering/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private FakeArm.Run run(Map<String, String> env, String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.put("HOME", home.toString());
        return arm.run(all, "", args);
    }

    @Test
    void theFileGivesSubscriptionResourceGroupAndOutputToEveryCommand() throws Exception {
        config(
                """
                # defaults of the walkthrough
                subscription = contoso-sub-01
                resource-group=rg1

                output = json
                """);
        arm.on("GET " + PEERING.formatted("contoso-sub-01", "rg1"), 200, "{'name':'p1'}");

        FakeArm.Run run = run(Map.of(), "peering", "show", "-n", "p1");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("{\n  \"name\" : \"p1\"\n}\n", run.out(), "json, from the file");
    }

    @Test
    void theCommandLineWinsOverTheEnvironmentWhichWinsOverTheFile() throws Exception {
        config("subscription = from-file\nresource-group = rg-file\noutput = json\n");
        arm.on("GET " + PEERING.formatted("from-env", "rg-file"), 200, "{'name':'p1'}");
        arm.on("GET " + PEERING.formatted("from-line", "rg-line"), 200, "{'name':'p1'}");

        FakeArm.Run env =
                run(Map.of("PEERING_SUBSCRIPTION", "from-env", "PEERING_OUTPUT", "tsv"), "peering", "show", "-n", "p1");
        FakeArm.Run line = run(
                Map.of("PEERING_SUBSCRIPTION", "from-env", "PEERING_RESOURCE_GROUP", "rg-env"),
                "peering",
                "show",
                "-n",
                "p1",
                "-s",
                "from-line",
                "-g",
                "rg-line",
                "-o",
                "table");

        assertEquals(0, env.exitCode(), env.err());
        assertEquals(
                PEERING.formatted("from-env", "rg-file"), arm.requests.get(0).path());
        assertTrue(env.out().startsWith("p1\t"), "tsv from the environment: " + env.out());
        assertEquals(0, line.exitCode(), line.err());
        assertEquals(
                PEERING.formatted("from-line", "rg-line"), arm.requests.get(1).path());
        assertTrue(line.out().startsWith("Name"), line.out());
    }

    @Test
    void builtInDefaultsApplyWhenNothingElseSaysAndTheFileCanChangeThem() throws Exception {
        FakeArm.Run builtIn = run(Map.of(), "asn", "show", "--help");
        config("timeout = 30m\n");
        FakeArm.Run fromFile = run(Map.of(), "asn", "show", "--help");

        assertTrue(builtIn.out().contains("default 13h"), builtIn.out());
        assertTrue(fromFile.out().contains("default 30m"), fromFile.out());
    }

    @Test
    void theLocationAndTheEndpointComeFromTheFileToo() throws Exception {
        config("subscription = sub-9\nlocation = westus2\nendpoint = " + arm.url() + "\n");
        String path = "/subscriptions/sub-9/resourceGroups/crg/providers/Microsoft.Peering/peeringServices/ps";
        arm.on("PUT " + path, 201, "{'name':'ps','location':'westus2'}");

        // no PEERING_ENDPOINT_BASE: the file's endpoint is the only way to the fake
        Map<String, String> env = Map.of("HOME", home.toString());
        FakeArm.Run run = FakeArm.runWith(
                env,
                "",
                "service",
                "create",
                "-g",
                "crg",
                "-n",
                "ps",
                "--peering-service-location",
                "Washington",
                "--peering-service-provider",
                "Contoso IX");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                arm.requests.get(0).body().contains("\"location\":\"westus2\""),
                arm.requests.get(0).body());
    }

    @Test
    void peeringConfigNamesAnotherFileAndMustExist() throws Exception {
        Path other = home.resolve("team.conf");
        Files.writeString(other, "subscription = team-sub\n");
        arm.on("GET " + PEERING.formatted("team-sub", "rg1"), 200, "{'name':'p1'}");

        FakeArm.Run run = run(Map.of("PEERING_CONFIG", other.toString()), "peering", "show", "-g", "rg1", "-n", "p1");
        FakeArm.Run missing = run(
                Map.of("PEERING_CONFIG", home.resolve("nope").toString()), "peering", "show", "-g", "rg1", "-n", "p1");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("PEERING_CONFIG names " + home.resolve("nope") + ", which does not exist"));
    }

    @Test
    void aMistakeInTheFileIsAUsageErrorNamingTheLine() throws Exception {
        Path file = config("subscription = s\nsubscripton = typo\n");

        FakeArm.Run typo = run(Map.of(), "asn", "list");
        config("subscription\n");
        FakeArm.Run noEquals = run(Map.of(), "asn", "list");
        config("yes = true\n");
        FakeArm.Run notASetting = run(Map.of(), "asn", "list");

        assertEquals(ExitCodes.USAGE, typo.exitCode());
        assertTrue(typo.err().startsWith("error: " + file + " line 2: unknown setting 'subscripton'"), typo.err());
        assertEquals(ExitCodes.USAGE, noEquals.exitCode());
        assertTrue(noEquals.err().contains("line 1: expected name = value"), noEquals.err());
        assertEquals(ExitCodes.USAGE, notASetting.exitCode(), "a confirmation never comes from a file");
        assertTrue(arm.requests.isEmpty());
    }

    @Test
    void watchIgnoresTheDefaultSubscriptionAndOutputItWouldFilterOrCannotPrint() throws Exception {
        config("subscription = contoso-sub-01\noutput = yaml\n");
        Map<String, String> env = Map.of("HOME", home.toString());
        picocli.CommandLine cli = PeeringCli.commandLine(new CliContext(
                env,
                new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()),
                null,
                null,
                null));
        cli.setDefaultValueProvider(new Defaults(env));

        picocli.CommandLine.ParseResult parsed = cli.parseArgs("watch", "--until-idle", "1s");
        WatchCommand watch = (WatchCommand) parsed.subcommand().commandSpec().userObject();
        picocli.CommandLine.ParseResult asn = cli.parseArgs("asn", "list");
        ArmCommand list =
                (ArmCommand) asn.subcommand().subcommand().commandSpec().userObject();

        assertEquals(null, watch.subscription, "watch shows every subscription unless asked");
        assertEquals(null, watch.output);
        assertEquals("contoso-sub-01", list.global.subscription, "the provider fills the global options' group");
        assertEquals("yaml", list.global.output);
    }
}
