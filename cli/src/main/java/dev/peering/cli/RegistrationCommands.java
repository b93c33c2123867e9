package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code peering registered-asn ...} (the peer registers its customers' ASNs and reads their Prefix
 * Keys) and {@code peering service ...} (the customer's Peering Service and its prefixes), both
 * served by registration-service.
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
                CreateService.class,
                ShowService.class,
                ServiceCatalogCommands.ListServices.class,
                ServiceCatalogCommands.UpdateService.class,
                DeleteService.class,
                PrefixGroup.class,
                ServiceCatalogCommands.LocationGroup.class,
                ServiceCatalogCommands.ProviderGroup.class,
                ServiceCatalogCommands.CountryGroup.class
            })
    static final class ServiceGroup extends GroupCommand {}

    @Command(
            name = "prefix",
            description = "Prefixes of a Peering Service.",
            subcommands = {CreatePrefix.class, ShowPrefix.class, ListPrefixes.class, DeletePrefix.class})
    static final class PrefixGroup extends GroupCommand {}

    abstract static class RegisteredAsnCommand extends ArmCommand {

        @Option(
                names = {"-g", "--resource-group"},
                required = true)
        String resourceGroup;

        @Option(
                names = {"-p", "--peering-name"},
                required = true)
        String peeringName;

        RegisteredAsnCommand(CliContext ctx) {
            super(ctx);
        }

        String path(String name) {
            return resourceGroupPath(resourceGroup) + PROVIDER + "/peerings/" + seg(peeringName) + "/registeredAsns"
                    + (name == null ? "" : "/" + seg(name));
        }

        JsonNode get(String name) {
            return client().get(endpoints().registration(), path(name), null).body();
        }
    }

    @Command(
            name = "create",
            description = "Registers a customer ASN (PUT); it gets its Prefix Key. Needs an Active connection.")
    static final class CreateRegisteredAsn extends RegisteredAsnCommand {

        @Option(
                names = {"-n", "--name", "--registered-asn-name"},
                required = true)
        String name;

        @Option(names = "--asn", required = true, description = "The customer's public ASN.")
        long asn;

        @Mixin
        WaitOptions wait;

        CreateRegisteredAsn(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            ObjectNode body = ArmClient.JSON.createObjectNode();
            body.putObject("properties").put("asn", asn);
            JsonNode written = client().send("PUT", endpoints().registration(), path(name), null, body)
                    .body();
            printOrWait(
                    written,
                    Views.REGISTERED_ASN,
                    wait,
                    "registeredAsn " + name,
                    () -> get(name),
                    Settlement::registeredAsn);
        }
    }

    @Command(
            name = "update",
            description = "Puts a registered ASN again (PUT): the same ASN returns it as it is; the service refuses"
                    + " another ASN (delete and register the new one).")
    static final class UpdateRegisteredAsn extends RegisteredAsnCommand {

        @Option(
                names = {"-n", "--name", "--registered-asn-name"},
                required = true)
        String name;

        @Option(names = "--asn", required = true, description = "The customer's public ASN.")
        long asn;

        UpdateRegisteredAsn(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            ObjectNode body = ArmClient.JSON.createObjectNode();
            body.putObject("properties").put("asn", asn);
            print(
                    client().send("PUT", endpoints().registration(), path(name), null, body)
                            .body(),
                    Views.REGISTERED_ASN);
        }
    }

    @Command(name = "show", description = "Shows a registered ASN with its Prefix Key.")
    static final class ShowRegisteredAsn extends RegisteredAsnCommand {

        @Option(
                names = {"-n", "--name", "--registered-asn-name"},
                required = true)
        String name;

        @Mixin
        WaitOptions wait;

        ShowRegisteredAsn(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            showOrWait(
                    n -> print(n, Views.REGISTERED_ASN),
                    wait,
                    "registeredAsn " + name,
                    () -> get(name),
                    Settlement::registeredAsn);
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
            printList(client().list(endpoints().registration(), path(null), null, all), Views.REGISTERED_ASN);
        }
    }

    @Command(name = "delete", description = "Removes a registered ASN; its Prefix Key is revoked.")
    static final class DeleteRegisteredAsn extends RegisteredAsnCommand {

        @Option(
                names = {"-n", "--name", "--registered-asn-name"},
                required = true)
        String name;

        DeleteRegisteredAsn(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            int status = client().send("DELETE", endpoints().registration(), path(name), null, null)
                    .status();
            say(status == 204 ? "registeredAsn " + name + " did not exist" : "registeredAsn " + name + " deleted");
        }
    }

    abstract static class ServiceCommand extends ArmCommand {
        // package-private: ServiceCatalogCommands.UpdateService extends it

        @Option(
                names = {"-g", "--resource-group"},
                required = true)
        String resourceGroup;

        ServiceCommand(CliContext ctx) {
            super(ctx);
        }

        String servicePath(String peeringServiceName) {
            return resourceGroupPath(resourceGroup) + PROVIDER + "/peeringServices/" + seg(peeringServiceName);
        }
    }

    @Command(name = "create", description = "Creates a Peering Service (PUT).")
    static final class CreateService extends ServiceCommand {

        @Option(
                names = {"-n", "--name", "--peering-service-name"},
                required = true)
        String name;

        @Option(names = "--peering-service-location", required = true)
        String peeringServiceLocation;

        @Option(names = "--peering-service-provider", required = true)
        String peeringServiceProvider;

        @Option(
                names = {"-l", "--location"},
                required = true,
                paramLabel = "REGION",
                description = "Azure region of the resource, e.g. westus2: required by the API (env PEERING_LOCATION"
                        + " or the config file's location).")
        String location;

        CreateService(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            ObjectNode body = ArmClient.JSON.createObjectNode();
            body.put("location", location);
            ObjectNode props = body.putObject("properties");
            props.put("peeringServiceLocation", peeringServiceLocation);
            props.put("peeringServiceProvider", peeringServiceProvider);
            print(
                    client().send("PUT", endpoints().registration(), servicePath(name), null, body)
                            .body(),
                    Views.PEERING_SERVICE);
        }
    }

    @Command(name = "show", description = "Shows a Peering Service.")
    static final class ShowService extends ServiceCommand {

        @Option(
                names = {"-n", "--name", "--peering-service-name"},
                required = true)
        String name;

        ShowService(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            print(
                    client().get(endpoints().registration(), servicePath(name), null)
                            .body(),
                    Views.PEERING_SERVICE);
        }
    }

    @Command(name = "delete", description = "Deletes a Peering Service and its prefixes.")
    static final class DeleteService extends ServiceCommand {

        @Option(
                names = {"-n", "--name", "--peering-service-name"},
                required = true)
        String name;

        DeleteService(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            int status = client().send("DELETE", endpoints().registration(), servicePath(name), null, null)
                    .status();
            say(status == 204 ? "peering service " + name + " did not exist" : "peering service " + name + " deleted");
        }
    }

    abstract static class PrefixCommand extends ServiceCommand {

        @Option(names = "--peering-service-name", required = true)
        String peeringServiceName;

        PrefixCommand(CliContext ctx) {
            super(ctx);
        }

        String path(String prefixName) {
            return servicePath(peeringServiceName) + "/prefixes" + (prefixName == null ? "" : "/" + seg(prefixName));
        }

        JsonNode get(String prefixName) {
            return client().get(endpoints().registration(), path(prefixName), null)
                    .body();
        }
    }

    @Command(
            name = "create",
            description =
                    "Adds a prefix to a Peering Service (PUT), validated with the Prefix Key your provider gave you.")
    static final class CreatePrefix extends PrefixCommand {

        @Option(
                names = {"-n", "--name", "--prefix-name"},
                required = true)
        String name;

        @Option(names = "--prefix", required = true, description = "e.g. 203.0.113.0/24 (must be public).")
        String prefix;

        @Option(
                names = "--prefix-key",
                description = "The Prefix Key (peeringServicePrefixKey); env PEERING_PREFIX_KEY keeps it out of"
                        + " the shell history.")
        String prefixKey;

        @Mixin
        WaitOptions wait;

        CreatePrefix(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            String key = prefixKey != null ? prefixKey : ctx.env("PEERING_PREFIX_KEY");
            if (key == null) {
                throw CliFailure.usage("prefix create needs the Prefix Key: --prefix-key or PEERING_PREFIX_KEY");
            }
            ObjectNode body = ArmClient.JSON.createObjectNode();
            ObjectNode props = body.putObject("properties");
            props.put("prefix", prefix);
            props.put("peeringServicePrefixKey", key);
            JsonNode written = client().send("PUT", endpoints().registration(), path(name), null, body)
                    .body();
            printOrWait(written, Views.PREFIX, wait, "prefix " + name, () -> get(name), Settlement::prefix);
        }
    }

    @Command(name = "show", description = "Shows a prefix and its prefixValidationState.")
    static final class ShowPrefix extends PrefixCommand {

        @Option(
                names = {"-n", "--name", "--prefix-name"},
                required = true)
        String name;

        @Mixin
        WaitOptions wait;

        ShowPrefix(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            showOrWait(n -> print(n, Views.PREFIX), wait, "prefix " + name, () -> get(name), Settlement::prefix);
        }
    }

    @Command(name = "list", description = "Lists the prefixes of a Peering Service.")
    static final class ListPrefixes extends PrefixCommand {

        @Option(names = "--all", description = "Follow nextLink and read every page.")
        boolean all;

        ListPrefixes(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            printList(client().list(endpoints().registration(), path(null), null, all), Views.PREFIX);
        }
    }

    @Command(name = "delete", description = "Removes a prefix from a Peering Service.")
    static final class DeletePrefix extends PrefixCommand {

        @Option(
                names = {"-n", "--name", "--prefix-name"},
                required = true)
        String name;

        DeletePrefix(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            int status = client().send("DELETE", endpoints().registration(), path(name), null, null)
                    .status();
            say(status == 204 ? "prefix " + name + " did not exist" : "prefix " + name + " deleted");
        }
    }
}
