package dev.peering.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The Peering Service catalog ({@code service location|provider|country list}), served by registration-service. */
final class ServiceCatalogCommands {

    private ServiceCatalogCommands() {}

    /** A list of the catalog: {@code GET /subscriptions/{id}/providers/Microsoft.Peering/<type>}. */
    abstract static class CatalogList extends ArmCommand {

        private final String type;
        private final List<Column> view;

        CatalogList(CliContext ctx, String type, List<Column> view) {
            super(ctx);
            this.type = type;
            this.view = view;
        }

        /** The list's query parameters, or null. */
        Map<String, String> filter() {
            return null;
        }

        @Override
        void run() {
            printList(
                    client().list(
                                    endpoints().registration(),
                                    subscriptionPath() + PROVIDER + "/" + type,
                                    filter(),
                                    false),
                    view);
        }
    }

    @Command(
            name = "location",
            description = "Where Peering Service is offered (customer locations).",
            subcommands = {ListLocations.class})
    static final class LocationGroup extends GroupCommand {}

    @Command(name = "list", description = "Lists the Peering Service locations, of one country with --country.")
    static final class ListLocations extends CatalogList {

        @Option(names = "--country", description = "e.g. \"United States\".")
        String country;

        ListLocations(CliContext ctx) {
            super(ctx, "peeringServiceLocations", Views.SERVICE_LOCATION);
        }

        @Override
        Map<String, String> filter() {
            return country == null ? null : Map.of("country", country);
        }
    }

    @Command(
            name = "provider",
            description = "Peering Service providers.",
            subcommands = {ListProviders.class})
    static final class ProviderGroup extends GroupCommand {}

    @Command(name = "list", description = "Lists the Peering Service providers and the metros where they peer.")
    static final class ListProviders extends CatalogList {

        ListProviders(CliContext ctx) {
            super(ctx, "peeringServiceProviders", Views.SERVICE_PROVIDER);
        }
    }

    @Command(
            name = "country",
            description = "Countries where Peering Service is offered.",
            subcommands = {ListCountries.class})
    static final class CountryGroup extends GroupCommand {}

    @Command(name = "list", description = "Lists the countries where Peering Service is offered.")
    static final class ListCountries extends CatalogList {

        ListCountries(CliContext ctx) {
            super(ctx, "peeringServiceCountries", Views.SERVICE_COUNTRY);
        }
    }
}
