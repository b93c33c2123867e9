package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peering peering ...} and {@code peering location list} (peering-service). */
final class PeeringCommands {

    private PeeringCommands() {}

    @Command(
            name = "peering",
            description = "Create and follow an Exchange peering with the route server (Direct, IxRs).",
            subcommands = {Create.class, Show.class, ListPeerings.class, Update.class, Delete.class, Deprovision.class})
    static final class Group extends GroupCommand {}

    @Command(
            name = "location",
            description = "Peering locations (metros) and their facilities.",
            subcommands = {ListLocations.class})
    static final class LocationGroup extends GroupCommand {}

    abstract static class PeeringCommand extends ArmCommand {

        @Option(
                names = {"-g", "--resource-group"},
                required = true,
                description = "Resource group.")
        String resourceGroup;

        PeeringCommand(CliContext ctx) {
            super(ctx);
        }

        String path(String name) {
            return resourceGroupPath(resourceGroup) + PROVIDER + "/peerings/" + seg(name);
        }

        JsonNode get(String name) {
            return client().get(endpoints().peering(), path(name), null).body();
        }

        /** The peering's row, then its connections (the peering's read model) as a second table. */
        void printPeering(JsonNode peering) {
            print(peering, Views.PEERING);
            if (plainTable()) {
                List<JsonNode> connections = new ArrayList<>();
                peering.at("/properties/direct/connections").forEach(connections::add);
                if (!connections.isEmpty()) {
                    ctx.out().println();
                    ctx.out().print(Output.table(Views.CONNECTION, connections));
                    ctx.out().flush();
                }
            }
        }
    }

    @Command(
            name = "create",
            description = "Creates a peering (PUT). It waits for its PeerAsn's approval, then provisions.")
    static final class Create extends PeeringCommand {

        @Option(
                names = {"-n", "--name", "--peering-name"},
                required = true)
        String name;

        @Option(names = "--peering-location", description = "Metro, see `peering location list`.")
        String peeringLocation;

        @Option(names = "--peer-asn", description = "The PeerAsn: its name in the subscription, or its ARM id.")
        String peerAsn;

        @Option(
                names = "--connection",
                paramLabel = "SPEC",
                description = "One connection, repeatable: key=value pairs separated by commas, e.g."
                        + " facility=143,bandwidth=10000,peer-v4=206.81.80.40,microsoft-v4=206.81.80.30,"
                        + "prefix-v4=206.81.80.0/22,max-v4=1000. Keys: see `peering connection add --help`.")
        List<String> connections;

        @Option(names = "--sku", defaultValue = "Premium_Direct_Free", description = "Default ${DEFAULT-VALUE}.")
        String sku;

        @Option(names = "--kind", defaultValue = "Direct", description = "Default ${DEFAULT-VALUE}.")
        String kind;

        @Option(names = "--direct-peering-type", defaultValue = "IxRs", description = "Default ${DEFAULT-VALUE}.")
        String directPeeringType;

        @Option(
                names = {"-l", "--location"},
                paramLabel = "REGION",
                description = "Azure region of the resource, e.g. westus2: required by the API (env PEERING_LOCATION"
                        + " or the config file's location).")
        String location;

        @Option(names = "--tags", arity = "1..*", paramLabel = "KEY=VALUE")
        List<String> tags;

        @Option(
                names = "--body",
                paramLabel = "JSON|@FILE",
                description = "The whole ARM body instead of the options above.")
        String body;

        @Mixin
        WaitOptions wait;

        Create(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            JsonNode request = body != null ? body(body) : build();
            JsonNode created = client().send("PUT", endpoints().peering(), path(name), null, request)
                    .body();
            printOrWait(created, this::printPeering, wait, "peering " + name, () -> get(name), Settlement::peering);
        }

        private JsonNode build() {
            if (location == null
                    || peeringLocation == null
                    || peerAsn == null
                    || connections == null
                    || connections.isEmpty()) {
                throw CliFailure.usage(
                        "peering create needs --location, --peering-location, --peer-asn and at least one"
                                + " --connection (or the whole body with --body)");
            }
            ObjectNode request = ArmClient.JSON.createObjectNode();
            request.putObject("sku").put("name", sku);
            request.put("kind", kind);
            request.put("location", location);
            if (tags != null) {
                request.set("tags", KeyValues.tags(tags));
            }
            ObjectNode props = request.putObject("properties");
            ObjectNode direct = props.putObject("direct");
            ArrayNode list = direct.putArray("connections");
            connections.forEach(spec -> list.add(ConnectionSpec.parse(spec)));
            String peerAsnId = peerAsn.startsWith("/")
                    ? peerAsn
                    : "/subscriptions/" + subscription() + PROVIDER + "/peerAsns/" + peerAsn;
            direct.putObject("peerAsn").put("id", peerAsnId);
            direct.put("directPeeringType", directPeeringType);
            props.put("peeringLocation", peeringLocation);
            return request;
        }
    }

    @Command(name = "show", description = "Shows a peering with its connections and their states.")
    static final class Show extends PeeringCommand {

        @Option(
                names = {"-n", "--name", "--peering-name"},
                required = true)
        String name;

        @Mixin
        WaitOptions wait;

        Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            showOrWait(this::printPeering, wait, "peering " + name, () -> get(name), Settlement::peering);
        }
    }

    @Command(name = "list", description = "Lists peerings of the subscription, or of one resource group.")
    static final class ListPeerings extends ArmCommand {

        @Option(
                names = {"-g", "--resource-group"},
                description = "Only this resource group.")
        String resourceGroup;

        @Option(names = "--all", description = "Follow nextLink and read every page.")
        boolean all;

        ListPeerings(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            String scope = resourceGroup == null ? subscriptionPath() : resourceGroupPath(resourceGroup);
            printList(client().list(endpoints().peering(), scope + PROVIDER + "/peerings", null, all), Views.PEERING);
        }
    }

    @Command(name = "update", description = "Updates a peering's tags (PATCH).")
    static final class Update extends PeeringCommand {

        @Option(
                names = {"-n", "--name", "--peering-name"},
                required = true)
        String name;

        @Option(names = "--tags", arity = "0..*", paramLabel = "KEY=VALUE", description = "The new tags (replace).")
        List<String> tags;

        Update(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            ObjectNode patch = ArmClient.JSON.createObjectNode();
            patch.set("tags", KeyValues.tags(tags));
            printPeering(client().send("PATCH", endpoints().peering(), path(name), null, patch)
                    .body());
        }
    }

    @Command(
            name = "delete",
            description =
                    "Deletes a peering; a peer is refused with the service's message (the operator deprovisions).")
    static final class Delete extends PeeringCommand {

        @Option(
                names = {"-n", "--name", "--peering-name"},
                required = true)
        String name;

        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            int status = client().send("DELETE", endpoints().peering(), path(name), null, null)
                    .status();
            say(status == 204 ? "peering " + name + " did not exist" : "peering " + name + " deleted");
        }
    }

    @Command(
            name = "deprovision",
            description = "Operator: deprovisions a peering; its connections and registered ASNs follow.")
    static final class Deprovision extends PeeringCommand {

        @Option(
                names = {"-n", "--name", "--peering-name"},
                required = true)
        String name;

        Deprovision(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            JsonNode result = client().send("POST", endpoints().peering(), path(name) + "/deprovision", null, null)
                    .body();
            if (result.isObject()) {
                printPeering(result);
            } else {
                say("peering " + name + ": deprovisioning requested");
            }
        }
    }

    @Command(name = "list", description = "Lists peering locations (default: kind Direct, type IxRs).")
    static final class ListLocations extends ArmCommand {

        @Option(names = "--kind", defaultValue = "Direct", description = "Default ${DEFAULT-VALUE}.")
        String kind;

        @Option(names = "--direct-peering-type", defaultValue = "IxRs", description = "Default ${DEFAULT-VALUE}.")
        String directPeeringType;

        @Option(names = "--all", description = "Follow nextLink and read every page.")
        boolean all;

        ListLocations(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            printList(
                    client().list(
                                    endpoints().peering(),
                                    subscriptionPath() + PROVIDER + "/peeringLocations",
                                    Map.of("kind", kind, "directPeeringType", directPeeringType),
                                    all),
                    Views.LOCATION);
        }
    }
}
