package dev.peering.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The verbs of {@code peering service ...} and {@code peering service prefix ...}: the customer's Peering
 * Service and its prefixes, served by registration-service (the groups are declared in
 * {@link RegistrationCommands}, the catalog lists in {@link ServiceCatalogCommands}).
 */
final class ServiceCommands {

    private ServiceCommands() {}

    static final ResourceCommand.Kind SERVICE =
            new ResourceCommand.Kind("peering service", Endpoints::registration, Views.PEERING_SERVICE, null);
    static final ResourceCommand.Kind PREFIX =
            new ResourceCommand.Kind("prefix", Endpoints::registration, Views.PREFIX, Settlement::prefix);

    abstract static class ServiceCommand extends ResourceCommand {

        @Option(
                names = {"-g", "--resource-group"},
                required = true)
        String resourceGroup;

        ServiceCommand(CliContext ctx, Kind kind) {
            super(ctx, kind);
        }

        @Override
        String path(String name) {
            return servicePath(this, resourceGroup, name);
        }
    }

    static String servicePath(ArmCommand command, String resourceGroup, String peeringServiceName) {
        return command.resourceGroupPath(resourceGroup) + ArmCommand.PROVIDER + "/peeringServices/"
                + ArmCommand.seg(peeringServiceName);
    }

    abstract static class NamedServiceCommand extends ServiceCommand {

        @Option(
                names = {"-n", "--name", "--peering-service-name"},
                required = true)
        String name;

        NamedServiceCommand(CliContext ctx) {
            super(ctx, SERVICE);
        }
    }

    @Command(name = "create", description = "Creates a Peering Service (PUT).")
    static final class CreateService extends NamedServiceCommand {

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

        @Option(
                names = "--sku",
                paramLabel = "NAME",
                description = "The Peering Service SKU name (sku.name), e.g. Standard; kept as given.")
        String sku;

        @Option(names = "--tags", arity = "1..*", paramLabel = "KEY=VALUE", description = "Resource tags.")
        List<String> tags;

        CreateService(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            ObjectNode body = ArmClient.JSON.createObjectNode();
            body.put("location", location);
            if (sku != null) {
                body.putObject("sku").put("name", sku);
            }
            if (tags != null) {
                body.set("tags", KeyValues.tags(tags));
            }
            ObjectNode props = body.putObject("properties");
            props.put("peeringServiceLocation", peeringServiceLocation);
            props.put("peeringServiceProvider", peeringServiceProvider);
            write("PUT", name, "", null, body, null);
        }
    }

    @Command(name = "show", description = "Shows a Peering Service.")
    static final class ShowService extends NamedServiceCommand {

        ShowService(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            show(name, null);
        }
    }

    @Command(
            name = "list",
            description = "Lists the Peering Services of a resource group (-g), or of the subscription.")
    static final class ListServices extends ResourceCommand {

        @Option(
                names = {"-g", "--resource-group"},
                description = "Only this resource group's.")
        String resourceGroup;

        @Option(names = "--all", description = "Follow nextLink and read every page.")
        boolean all;

        ListServices(CliContext ctx) {
            super(ctx, SERVICE);
        }

        @Override
        String path(String name) {
            return (resourceGroup == null ? subscriptionPath() : resourceGroupPath(resourceGroup)) + PROVIDER
                    + "/peeringServices";
        }

        @Override
        void run() {
            list(all);
        }
    }

    @Command(name = "update", description = "Updates a Peering Service's tags (PATCH).")
    static final class UpdateService extends NamedServiceCommand {

        @Option(names = "--tags", arity = "0..*", paramLabel = "KEY=VALUE", description = "The new tags (replace).")
        List<String> tags;

        UpdateService(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            ObjectNode patch = ArmClient.JSON.createObjectNode();
            patch.set("tags", KeyValues.tags(tags));
            write("PATCH", name, "", null, patch, null);
        }
    }

    @Command(name = "delete", description = "Deletes a Peering Service and its prefixes.")
    static final class DeleteService extends NamedServiceCommand {

        DeleteService(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            delete(name, null, " deleted");
        }
    }

    /** {@code -g} and {@code --peering-service-name}: the Peering Service whose prefixes a verb acts on. */
    static class OfService implements ResourceCommand.Where {

        @Option(
                names = {"-g", "--resource-group"},
                required = true)
        String resourceGroup;

        @Option(names = "--peering-service-name", required = true)
        String peeringServiceName;

        @Override
        public String path(ArmCommand command, String prefixName) {
            return servicePath(command, resourceGroup, peeringServiceName) + "/prefixes"
                    + (prefixName == null ? "" : "/" + ArmCommand.seg(prefixName));
        }
    }

    /** ... and {@code -n}: one prefix of it. */
    static class NamedPrefix extends OfService {

        @Option(
                names = {"-n", "--name", "--prefix-name"},
                required = true)
        String name;

        @Override
        public String name() {
            return name;
        }
    }

    @Command(
            name = "create",
            description =
                    "Adds a prefix to a Peering Service (PUT), validated with the Prefix Key your provider gave you.")
    static final class CreatePrefix extends ResourceCommand.Placed {

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
            super(ctx, PREFIX, new NamedPrefix());
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
            write("PUT", name(), "", null, body, wait);
        }
    }

    @Command(name = "show", description = "Shows a prefix and its prefixValidationState.")
    static final class ShowPrefix extends ResourceCommand.ShowVerb {

        ShowPrefix(CliContext ctx) {
            super(ctx, PREFIX, new NamedPrefix());
        }
    }

    @Command(name = "list", description = "Lists the prefixes of a Peering Service.")
    static final class ListPrefixes extends ResourceCommand.ListVerb {

        ListPrefixes(CliContext ctx) {
            super(ctx, PREFIX, new OfService());
        }
    }

    @Command(name = "delete", description = "Removes a prefix from a Peering Service.")
    static final class DeletePrefix extends ResourceCommand.DeleteVerb {

        DeletePrefix(CliContext ctx) {
            super(ctx, PREFIX, new NamedPrefix());
        }
    }
}
