package dev.peering.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code peering registered-prefix ...}: the peer registers its customers' prefixes on a peering; each is
 * validated and, once usable, has a Prefix Key for the customer's Peering Service (registration-service).
 */
final class RegisteredPrefixCommands {

    private RegisteredPrefixCommands() {}

    @Command(
            name = "registered-prefix",
            description = "Register your customers' prefixes on a peering, validate them and read their Prefix Keys.",
            subcommands = {Create.class, Show.class, ListPrefixes.class, Delete.class, Validate.class})
    static final class Group extends GroupCommand {}

    abstract static class RegisteredPrefixCommand extends ResourceCommand {

        @Option(
                names = {"-g", "--resource-group"},
                required = true)
        String resourceGroup;

        @Option(
                names = {"-p", "--peering-name"},
                required = true)
        String peeringName;

        static final Kind KIND = new Kind(
                "registeredPrefix", Endpoints::registration, Views.REGISTERED_PREFIX, Settlement::registeredPrefix);

        RegisteredPrefixCommand(CliContext ctx) {
            super(ctx, KIND);
        }

        @Override
        String path(String name) {
            return resourceGroupPath(resourceGroup) + PROVIDER + "/peerings/" + seg(peeringName) + "/registeredPrefixes"
                    + (name == null ? "" : "/" + seg(name));
        }
    }

    abstract static class NamedCommand extends RegisteredPrefixCommand {

        @Option(
                names = {"-n", "--name", "--registered-prefix-name"},
                required = true)
        String name;

        NamedCommand(CliContext ctx) {
            super(ctx);
        }
    }

    @Command(
            name = "create",
            description = "Registers a customer prefix (PUT): Pending, then Verified (with a Prefix Key), Warning,"
                    + " Failed or Invalid. Needs an Active connection.")
    static final class Create extends NamedCommand {

        @Option(names = "--prefix", required = true, description = "The customer's prefix, e.g. 20.5.0.0/16.")
        String prefix;

        @Mixin
        WaitOptions wait;

        Create(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            ObjectNode body = ArmClient.JSON.createObjectNode();
            body.putObject("properties").put("prefix", prefix);
            write("PUT", name, "", null, body, wait);
        }
    }

    @Command(name = "show", description = "Shows a registered prefix, its prefixValidationState and Prefix Key.")
    static final class Show extends NamedCommand {

        @Mixin
        WaitOptions wait;

        Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            show(name, wait);
        }
    }

    @Command(name = "list", description = "Lists the registered prefixes of a peering.")
    static final class ListPrefixes extends RegisteredPrefixCommand {

        @Option(names = "--all", description = "Follow nextLink and read every page.")
        boolean all;

        ListPrefixes(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            list(all);
        }
    }

    @Command(name = "delete", description = "Removes a registered prefix; its Prefix Key is revoked.")
    static final class Delete extends NamedCommand {

        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            delete(name, null, " deleted");
        }
    }

    @Command(
            name = "validate",
            description = "Validates a registered prefix again (POST .../validate): Pending, then decided.")
    static final class Validate extends NamedCommand {

        @Mixin
        WaitOptions wait;

        Validate(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            write("POST", name, "/validate", null, null, wait);
        }
    }
}
