package dev.peering.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A group such as {@code peering asn}: run without a verb, it is a usage error (exit 2) with the verbs listed. */
abstract class GroupCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing a verb: one of " + spec.subcommands().keySet());
    }
}
