package dev.peering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help ends with examples, and every example is a command line this CLI accepts: the
 * same groups, verbs and options, a valid --output and a --query that compiles.
 */
class ExamplesTest {

    private static final CliContext CTX = new CliContext(
            Map.of(),
            new java.io.PrintWriter(java.io.Writer.nullWriter()),
            new java.io.PrintWriter(java.io.Writer.nullWriter()),
            null,
            null,
            null);

    @Test
    void everyCommandHasExamplesInItsHelpAndEachOneParses() {
        CommandLine root = PeeringCli.commandLine(CTX);
        List<CommandLine> commands = new ArrayList<>();
        collect(root, commands);
        Set<String> missing = new TreeSet<>();
        int parsed = 0;
        for (CommandLine command : commands) {
            String name = Examples.qualifiedName(command);
            List<String> examples = examples(command.getUsageMessage());
            for (String example : examples) {
                assertTrue(
                        example.startsWith("peering ")
                                || example.startsWith("source <(peering ")
                                || example.startsWith("export PEERING_"),
                        name + ": not a command line, or a line cut in two: " + example);
            }
            List<String> own = examples.stream()
                    .filter(e -> e.startsWith(("peering " + name).trim() + " ") || e.equals("peering " + name))
                    .toList();
            if (own.isEmpty()) {
                missing.add(name.isEmpty() ? "peering" : name);
            }
            for (String example : examples) {
                if (example.startsWith("peering ")) {
                    check(root, example);
                    parsed++;
                }
            }
        }
        assertEquals(Set.of(), missing, "commands whose help shows no example of themselves");
        // a run that parses nothing proves nothing
        assertTrue(parsed >= commands.size(), "parsed " + parsed + " examples for " + commands.size() + " commands");
    }

    @Test
    void theExamplesRefuseWhatTheCliRefuses() {
        assertThrowsOnCheck("peering asn create -n x --peer-asn 30000 --peer-nam Contoso");
        assertThrowsOnCheck("peering asn list --query \"[?name==\"");
        assertThrowsOnCheck("peering asn list -o xml");
        assertThrowsOnCheck("peering registered-prefix create -g rg1 -p seattle1 -n web");
    }

    private static void assertThrowsOnCheck(String example) {
        try {
            check(PeeringCli.commandLine(CTX), example);
        } catch (AssertionError | RuntimeException expected) {
            return;
        }
        fail("accepted: " + example);
    }

    /** Parses the example as the shell would hand it to the CLI, then checks --output and --query. */
    private static void check(CommandLine cli, String example) {
        List<String> args = new ArrayList<>();
        for (String word : Examples.words(example)) {
            if (Set.of("|", ">", "<", ";", "&&").contains(word)) {
                break;
            }
            args.add(unquoted(word));
        }
        args.remove(0);
        CommandLine.ParseResult result;
        try {
            // one tree for every example: picocli resets what the previous parse set
            result = cli.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError(example + ": " + e.getMessage(), e);
        }
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        if (result.hasMatchedOption("--output")) {
            Output.Format.parse(result.matchedOptionValue("--output", ""));
        }
        if (result.hasMatchedOption("--query")) {
            Query.compile(result.matchedOptionValue("--query", ""));
        }
    }

    private static String unquoted(String word) {
        if (word.length() >= 2
                && (word.startsWith("\"") && word.endsWith("\"") || word.startsWith("'") && word.endsWith("'"))) {
            return word.substring(1, word.length() - 1);
        }
        return word;
    }

    /** The lines between "Examples:" and "Exit codes:" of the help, continuation lines joined. */
    static List<String> examples(String help) {
        List<String> examples = new ArrayList<>();
        boolean in = false;
        StringBuilder pending = null;
        for (String line : help.lines().toList()) {
            if (line.equals("Examples:")) {
                in = true;
                continue;
            }
            if (!in || line.startsWith("Exit codes:")) {
                in = false;
                continue;
            }
            String text = line.strip();
            if (pending != null) {
                pending.append(' ').append(text);
            } else {
                pending = new StringBuilder(text);
            }
            if (pending.toString().endsWith(" \\")) {
                pending.setLength(pending.length() - 2);
            } else {
                if (!pending.isEmpty() && !pending.toString().startsWith("# ")) {
                    examples.add(pending.toString());
                }
                pending = null;
            }
            if (line.length() > Examples.WIDTH
                    && Examples.words(line.replace(" \\", "")).size() > 1) {
                fail("an example line wider than the help, with a place to break it: " + line);
            }
        }
        return examples;
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().forEach(c -> collect(c, all));
    }
}
