package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code peering looking-glass}: LookingGlass_Invoke (connection-service, with the bird route server). */
@Command(
        name = "looking-glass",
        description = "Runs Ping, Traceroute or BgpRoute from the exchange's route server towards one of your"
                + " sessions' peer addresses or an address in a prefix it received from them (the operator: any).")
final class LookingGlassCommand extends ArmCommand {

    @Option(names = "--command", required = true, description = "Ping, Traceroute or BgpRoute.")
    String command;

    @Option(
            names = {"--destination-ip", "--destination"},
            required = true,
            description = "An IPv4 or IPv6 address.")
    String destination;

    @Option(names = "--source-type", defaultValue = "EdgeSite", description = "Default ${DEFAULT-VALUE}.")
    String sourceType;

    @Option(
            names = "--source-location",
            defaultValue = "Seattle",
            description = "The route server's peering location. Default ${DEFAULT-VALUE}.")
    String sourceLocation;

    LookingGlassCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run() {
        JsonNode result = client().send(
                        "POST",
                        endpoints().connection(),
                        subscriptionPath() + PROVIDER + "/lookingGlass",
                        Map.of(
                                "command",
                                command,
                                "sourceType",
                                sourceType,
                                "sourceLocation",
                                sourceLocation,
                                "destinationIP",
                                destination),
                        null)
                .body();
        if (plainTable()) {
            // the router's own text, as a person reads it
            ctx.out().println(result.path("output").asText());
            ctx.out().flush();
        } else {
            print(result, List.of());
        }
    }
}
