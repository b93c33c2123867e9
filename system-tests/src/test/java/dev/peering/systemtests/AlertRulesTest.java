package dev.peering.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alert rules of deploy/observability through Prometheus's own tool: they parse ({@code promtool check
 * rules}) and each alert fires on the series that should fire it and only then ({@code promtool test rules
 * alerts-test.yml}: a backlog and a lag that grow, a dead letter, a connection past its state's bound, a
 * service down, and the series beside them that must stay quiet). Skipped, saying so, where promtool is not
 * installed (.ci/run installs Debian's prometheus package).
 */
class AlertRulesTest {

    @Test
    void theRulesParseAndEachAlertFiresOnlyOnWhatItIsFor() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed: the alert rules are NOT checked here");
        String check = promtool("check", "rules", "alerts.yml");
        assertTrue(check.contains("SUCCESS: 5 rules found"), check);
        String test = promtool("test", "rules", "alerts-test.yml");
        assertTrue(test.contains("SUCCESS"), test);
    }

    private static String promtool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(Observability.DIR.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not end");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
