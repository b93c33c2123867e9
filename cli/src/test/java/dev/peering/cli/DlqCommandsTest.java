package dev.peering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code peering dlq}: the requests it sends to each service and how it reports a replay. */
class DlqCommandsTest {

    static final String DLQ = "/deadLetters/connection-service/peering-events";
    static final Map<String, String> OPERATOR = Map.of("PEERING_TOKEN", "op-token");

    FakeArm arm;

    @BeforeEach
    void start() throws Exception {
        arm = new FakeArm();
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    @Test
    void listWithoutAServiceAsksEveryServiceForItsChannels() {
        for (String service : DlqCommands.SERVICES) {
            arm.on(
                    "GET /deadLetters/" + service,
                    200,
                    "{'value':[{'channel':'peering-events','topic':'" + service + ".peering-events.dlq'," + "'records':"
                            + (service.equals("connection-service") ? 2 : 0) + ",'replayable':true}]}");
        }

        FakeArm.Run run = arm.run(OPERATOR, "", "dlq", "list");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(4, arm.requests("GET").size());
        assertEquals("Bearer op-token", arm.requests("GET").get(0).header("Authorization"));
        assertTrue(
                run.out()
                        .lines()
                        .map(l -> String.join(" ", l.trim().split("\\s+")))
                        .anyMatch(l -> l.equals(
                                "connection-service peering-events connection-service.peering-events.dlq 2 true")),
                run.out());
    }

    @Test
    void replayOfOneRecordPostsItsIdAndAFailedOneIsExitCode1() {
        arm.on("POST " + DLQ + "/replay", 200, "{'value':[{'id':'0-12','eventId':'e1','outcome':'applied'}]}");
        arm.on(
                "POST " + DLQ + "/replay",
                200,
                "{'value':[{'id':'0-12','eventId':'e1','outcome':'alreadyApplied'},"
                        + "{'id':'0-13','eventId':'e2','outcome':'failed','message':'still broken'}]}");

        FakeArm.Run one = arm.run(
                OPERATOR,
                "",
                "dlq",
                "replay",
                "--service",
                "connection-service",
                "--channel",
                "peering-events",
                "--record",
                "0-12");
        FakeArm.Run all = arm.run(
                OPERATOR,
                "",
                "dlq",
                "replay",
                "--service",
                "connection-service",
                "--channel",
                "peering-events",
                "--all");

        assertEquals(0, one.exitCode(), one.err());
        assertEquals(
                "api-version=2022-10-01&record=0-12",
                arm.requests("POST").get(0).query());
        assertTrue(one.out().lines().anyMatch(l -> l.matches("0-12\\s+e1\\s+applied\\s*")), one.out());
        assertEquals(1, all.exitCode());
        assertEquals("api-version=2022-10-01", arm.requests("POST").get(1).query());
        assertTrue(all.err().contains("1 of 2 records failed again"), all.err());
    }

    @Test
    void replayNamesOneRecordOrAllAndAnUnknownServiceIsAUsageError() {
        String[] where = {"--service", "connection-service", "--channel", "peering-events"};
        assertEquals(2, arm.run(concat(new String[] {"dlq", "replay"}, where)).exitCode());
        assertEquals(
                2,
                arm.run(concat(new String[] {"dlq", "replay", "--all", "--record", "0-1"}, where))
                        .exitCode());
        assertEquals(
                2,
                arm.run("dlq", "show", "--service", "gateway", "--channel", "x", "--record", "0-1")
                        .exitCode());
        assertEquals(2, arm.run("dlq", "list", "--channel", "peering-events").exitCode());
        assertEquals(0, arm.requests.size(), "nothing is sent for a usage error");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
