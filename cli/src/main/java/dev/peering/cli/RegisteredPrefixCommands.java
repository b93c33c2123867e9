package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
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

    abstract static class RegisteredPrefixCommand extends ArmCommand {

        @Option(
                names = {"-g", "--resource-group"},
                required = true)
        String resourceGroup;

        @Option(
                names = {"-p", "--peering-name"},
                required = true)
        String peeringName;

        RegisteredPrefixCommand(CliContext ctx) {
            super(ctx);
        }

        String path(String name) {
            return resourceGroupPath(resourceGroup) + PROVIDER + "/peerings/" + seg(peeringName) + "/registeredPrefixes"
                    + (name == null ? "" : "/" + seg(name));
        }

        JsonNode get(String name) {
            return client().get(endpoints().registration(), path(name), null).body();
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
            JsonNode written = client().send("PUT", endpoints().registration(), path(name), null, body)
                    .body();
            printOrWait(
                    written,
                    Views.REGISTERED_PREFIX,
                    wait,
                    "registeredPrefix " + name,
                    () -> get(name),
                    Settlement::registeredPrefix);
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
            showOrWait(
                    n -> print(n, Views.REGISTERED_PREFIX),
                    wait,
                    "registeredPrefix " + name,
                    () -> get(name),
                    Settlement::registeredPrefix);
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
            printList(client().list(endpoints().registration(), path(null), null, all), Views.REGISTERED_PREFIX);
        }
    }

    @Command(name = "delete", description = "Removes a registered prefix; its Prefix Key is revoked.")
    static final class Delete extends NamedCommand {

        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            int status = client().send("DELETE", endpoints().registration(), path(name), null, null)
                    .status();
            say(
                    status == 204
                            ? "registeredPrefix " + name + " did not exist"
                            : "registeredPrefix " + name + " deleted");
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
            JsonNode written = client().send("POST", endpoints().registration(), path(name) + "/validate", null, null)
                    .body();
            printOrWait(
                    written,
                    Views.REGISTERED_PREFIX,
                    wait,
                    "registeredPrefix " + name,
                    () -> get(name),
                    Settlement::registeredPrefix);
        }
    }
}
