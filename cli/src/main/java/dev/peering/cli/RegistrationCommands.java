package dev.peering.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code peering registered-asn ...} (the peer registers its customers' ASNs and reads their Prefix
 * Keys) and the groups of {@code peering service ...} (the customer's Peering Service and its prefixes,
 * {@link ServiceCommands}; the catalog, {@link ServiceCatalogCommands}), all served by registration-service.
 */
final class RegistrationCommands {

    private RegistrationCommands() {}

    @Command(
            name = "registered-asn",
            description = "Register your customers' ASNs on a peering and read their Prefix Keys.",
            subcommands = {
                CreateRegisteredAsn.class,
                ShowRegisteredAsn.class,
                ListRegisteredAsns.class,
                UpdateRegisteredAsn.class,
                DeleteRegisteredAsn.class
            })
    static final class RegisteredAsnGroup extends GroupCommand {}

    @Command(
            name = "service",
            description = "The customer side: a Peering Service and its prefixes, validated with a Prefix Key.",
            subcommands = {
                ServiceCommands.CreateService.class,
                ServiceCommands.ShowService.class,
                ServiceCommands.ListServices.class,
                ServiceCommands.UpdateService.class,
                ServiceCommands.DeleteService.class,
                PrefixGroup.class,
                ServiceCatalogCommands.LocationGroup.class,
                ServiceCatalogCommands.ProviderGroup.class,
                ServiceCatalogCommands.CountryGroup.class
            })
    static final class ServiceGroup extends GroupCommand {}

    @Command(
            name = "prefix",
            description = "Prefixes of a Peering Service.",
            subcommands = {
                ServiceCommands.CreatePrefix.class,
                ServiceCommands.ShowPrefix.class,
                ServiceCommands.ListPrefixes.class,
                ServiceCommands.DeletePrefix.class
            })
    static final class PrefixGroup extends GroupCommand {}

    abstract static class RegisteredAsnCommand extends ResourceCommand {

        @Option(
                names = {"-g", "--resource-group"},
                required = true)
        String resourceGroup;

        @Option(
                names = {"-p", "--peering-name"},
                required = true)
        String peeringName;

        static final Kind KIND =
                new Kind("registeredAsn", Endpoints::registration, Views.REGISTERED_ASN, Settlement::registeredAsn);

        RegisteredAsnCommand(CliContext ctx) {
            super(ctx, KIND);
        }

        @Override
        String path(String name) {
            return resourceGroupPath(resourceGroup) + PROVIDER + "/peerings/" + seg(peeringName) + "/registeredAsns"
                    + (name == null ? "" : "/" + seg(name));
        }
    }

    abstract static class NamedAsnCommand extends RegisteredAsnCommand {

        @Option(
                names = {"-n", "--name", "--registered-asn-name"},
                required = true)
        String name;

        NamedAsnCommand(CliContext ctx) {
            super(ctx);
        }

        /** The PUT body of a registered ASN. */
        static ObjectNode body(long asn) {
            ObjectNode body = ArmClient.JSON.createObjectNode();
            body.putObject("properties").put("asn", asn);
            return body;
        }
    }

    @Command(
            name = "create",
            description = "Registers a customer ASN (PUT); it gets its Prefix Key. Needs an Active connection.")
    static final class CreateRegisteredAsn extends NamedAsnCommand {

        @Option(names = "--asn", required = true, description = "The customer's public ASN.")
        long asn;

        @Mixin
        WaitOptions wait;

        CreateRegisteredAsn(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            write("PUT", name, "", null, body(asn), wait);
        }
    }

    @Command(
            name = "update",
            description = "Puts a registered ASN again (PUT): the same ASN returns it as it is; the service refuses"
                    + " another ASN (delete and register the new one).")
    static final class UpdateRegisteredAsn extends NamedAsnCommand {

        @Option(names = "--asn", required = true, description = "The customer's public ASN.")
        long asn;

        UpdateRegisteredAsn(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            write("PUT", name, "", null, body(asn), null);
        }
    }

    @Command(name = "show", description = "Shows a registered ASN with its Prefix Key.")
    static final class ShowRegisteredAsn extends NamedAsnCommand {

        @Mixin
        WaitOptions wait;

        ShowRegisteredAsn(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            show(name, wait);
        }
    }

    @Command(name = "list", description = "Lists the registered ASNs of a peering.")
    static final class ListRegisteredAsns extends RegisteredAsnCommand {

        @Option(names = "--all", description = "Follow nextLink and read every page.")
        boolean all;

        ListRegisteredAsns(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            list(all);
        }
    }

    @Command(name = "delete", description = "Removes a registered ASN; its Prefix Key is revoked.")
    static final class DeleteRegisteredAsn extends NamedAsnCommand {

        DeleteRegisteredAsn(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            delete(name, null, " deleted");
        }
    }
}
