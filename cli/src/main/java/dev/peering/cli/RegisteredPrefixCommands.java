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

    static final ResourceCommand.Kind KIND = new ResourceCommand.Kind(
            "registeredPrefix", Endpoints::registration, Views.REGISTERED_PREFIX, Settlement::registeredPrefix);

    /** {@code -g} and {@code -p}: the peering whose registered prefixes a verb acts on. */
    static class OfPeering implements ResourceCommand.Where {

        @Option(
                names = {"-g", "--resource-group"},
                required = true)
        String resourceGroup;

        @Option(
                names = {"-p", "--peering-name"},
                required = true)
        String peeringName;

        @Override
        public String path(ArmCommand command, String name) {
            return command.resourceGroupPath(resourceGroup) + ArmCommand.PROVIDER + "/peerings/"
                    + ArmCommand.seg(peeringName) + "/registeredPrefixes"
                    + (name == null ? "" : "/" + ArmCommand.seg(name));
        }
    }

    /** ... and {@code -n}: one registered prefix of it. */
    static class Named extends OfPeering {

        @Option(
                names = {"-n", "--name", "--registered-prefix-name"},
                required = true)
        String name;

        @Override
        public String name() {
            return name;
        }
    }

    @Command(
            name = "create",
            description = "Registers a customer prefix (PUT): Pending, then Verified (with a Prefix Key), Warning,"
                    + " Failed or Invalid. Needs an Active connection.")
    static final class Create extends ResourceCommand.Placed {

        @Option(names = "--prefix", required = true, description = "The customer's prefix, e.g. 20.5.0.0/16.")
        String prefix;

        @Mixin
        WaitOptions wait;

        Create(CliContext ctx) {
            super(ctx, KIND, new Named());
        }

        @Override
        void run() {
            ObjectNode body = ArmClient.JSON.createObjectNode();
            body.putObject("properties").put("prefix", prefix);
            write("PUT", name(), "", null, body, wait);
        }
    }

    @Command(name = "show", description = "Shows a registered prefix, its prefixValidationState and Prefix Key.")
    static final class Show extends ResourceCommand.ShowVerb {

        Show(CliContext ctx) {
            super(ctx, KIND, new Named());
        }
    }

    @Command(name = "list", description = "Lists the registered prefixes of a peering.")
    static final class ListPrefixes extends ResourceCommand.ListVerb {

        ListPrefixes(CliContext ctx) {
            super(ctx, KIND, new OfPeering());
        }
    }

    @Command(name = "delete", description = "Removes a registered prefix; its Prefix Key is revoked.")
    static final class Delete extends ResourceCommand.DeleteVerb {

        Delete(CliContext ctx) {
            super(ctx, KIND, new Named());
        }
    }

    @Command(
            name = "validate",
            description = "Validates a registered prefix again (POST .../validate): Pending, then decided.")
    static final class Validate extends ResourceCommand.Placed {

        @Mixin
        WaitOptions wait;

        Validate(CliContext ctx) {
            super(ctx, KIND, new Named());
        }

        @Override
        void run() {
            write("POST", name(), "/validate", null, null, wait);
        }
    }
}
