package dev.peering.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code peering completion bash|zsh}: prints the completion script picocli generates from the command
 * tree, so it always knows every group, verb and option of this version.
 */
@Command(
        name = "completion",
        description = "Print the shell completion script for bash or zsh (every group, verb and option).")
final class CompletionCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script = AutoComplete.bash(root.getCommandName(), root);
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw CliFailure.usage("completion: '" + shell + "' is not bash or zsh");
        }
        // one script for both: picocli's script loads zsh's bash-completion layer when zsh runs it
        String out = script;
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
