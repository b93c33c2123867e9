package dev.peering.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peering service list|update} and the Peering Service catalog ({@code service location|provider|country
 * list}), served by registration-service.
 */
final class ServiceCatalogCommands {

    private ServiceCatalogCommands() {}

    @Command(
            name = "list",
            description = "Lists the Peering Services of a resource group (-g), or of the subscription.")
    static final class ListServices extends ArmCommand {

        @Option(
                names = {"-g", "--resource-group"},
                description = "Only this resource group's.")
        String resourceGroup;

        @Option(names = "--all", description = "Follow nextLink and read every page.")
        boolean all;

        ListServices(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            String base = resourceGroup == null ? subscriptionPath() : resourceGroupPath(resourceGroup);
            printList(
                    client().list(endpoints().registration(), base + PROVIDER + "/peeringServices", null, all),
                    Views.PEERING_SERVICE);
        }
    }

    @Command(name = "update", description = "Updates a Peering Service's tags (PATCH).")
    static final class UpdateService extends RegistrationCommands.ServiceCommand {

        @Option(
                names = {"-n", "--name", "--peering-service-name"},
                required = true)
        String name;

        @Option(names = "--tags", arity = "0..*", paramLabel = "KEY=VALUE", description = "The new tags (replace).")
        List<String> tags;

        UpdateService(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            ObjectNode patch = ArmClient.JSON.createObjectNode();
            patch.set("tags", KeyValues.tags(tags));
            print(
                    client().send("PATCH", endpoints().registration(), servicePath(name), null, patch)
                            .body(),
                    Views.PEERING_SERVICE);
        }
    }

    @Command(
            name = "location",
            description = "Where Peering Service is offered (customer locations).",
            subcommands = {ListLocations.class})
    static final class LocationGroup extends GroupCommand {}

    @Command(name = "list", description = "Lists the Peering Service locations, of one country with --country.")
    static final class ListLocations extends ArmCommand {

        @Option(names = "--country", description = "e.g. \"United States\".")
        String country;

        ListLocations(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            printList(
                    client().list(
                                    endpoints().registration(),
                                    subscriptionPath() + PROVIDER + "/peeringServiceLocations",
                                    country == null ? null : Map.of("country", country),
                                    false),
                    Views.SERVICE_LOCATION);
        }
    }

    @Command(
            name = "provider",
            description = "Peering Service providers.",
            subcommands = {ListProviders.class})
    static final class ProviderGroup extends GroupCommand {}

    @Command(name = "list", description = "Lists the Peering Service providers and the metros where they peer.")
    static final class ListProviders extends ArmCommand {

        ListProviders(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            printList(
                    client().list(
                                    endpoints().registration(),
                                    subscriptionPath() + PROVIDER + "/peeringServiceProviders",
                                    null,
                                    false),
                    Views.SERVICE_PROVIDER);
        }
    }

    @Command(
            name = "country",
            description = "Countries where Peering Service is offered.",
            subcommands = {ListCountries.class})
    static final class CountryGroup extends GroupCommand {}

    @Command(name = "list", description = "Lists the countries where Peering Service is offered.")
    static final class ListCountries extends ArmCommand {

        ListCountries(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            printList(
                    client().list(
                                    endpoints().registration(),
                                    subscriptionPath() + PROVIDER + "/peeringServiceCountries",
                                    null,
                                    false),
                    Views.SERVICE_COUNTRY);
        }
    }
}
