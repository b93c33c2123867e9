package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peering connection ...}: the connections of a peering (connection-service). */
@Command(
        name = "connection",
        description = "Add, remove and follow the connections of a peering, and add a BGP session.",
        subcommands = {
            ConnectionCommands.Add.class,
            ConnectionCommands.Remove.class,
            ConnectionCommands.AddSession.class,
            ConnectionCommands.Show.class,
            ConnectionCommands.ListConnections.class,
            ConnectionCommands.OperatorAction.Approve.class,
            ConnectionCommands.OperatorAction.Fail.class,
            ConnectionCommands.OperatorAction.Retry.class,
            ConnectionCommands.OperatorAction.Block.class,
            ConnectionCommands.OperatorAction.Unblock.class,
            ConnectionCommands.OperatorAction.Activate.class,
            ConnectionCommands.RemoveSession.class
        })
final class ConnectionCommands extends GroupCommand {

    abstract static class ConnectionCommand extends ResourceCommand {

        @Option(
                names = {"-g", "--resource-group"},
                required = true)
        String resourceGroup;

        @Option(
                names = {"-p", "--peering-name"},
                required = true)
        String peeringName;

        static final Kind KIND =
                new Kind("connection", Endpoints::connection, Views.CONNECTION, Settlement::connection);

        ConnectionCommand(CliContext ctx) {
            super(ctx, KIND);
        }

        @Override
        String path(String connectionIdentifier) {
            return resourceGroupPath(resourceGroup) + PROVIDER + "/peerings/" + seg(peeringName) + "/connections"
                    + (connectionIdentifier == null ? "" : "/" + seg(connectionIdentifier));
        }
    }

    /** A verb on one connection, named by {@code -c}. */
    abstract static class OneConnection extends ConnectionCommand {

        @Option(
                names = {"-c", "--connection-id", "--connection-identifier"},
                required = true)
        String connectionIdentifier;

        OneConnection(CliContext ctx) {
            super(ctx);
        }
    }

    @Command(name = "add", description = "Adds a connection to a peering (PUT); it starts at PendingApproval.")
    static final class Add extends ConnectionCommand {

        @Option(
                names = "--connection",
                required = true,
                paramLabel = "SPEC",
                description = "key=value pairs separated by commas, e.g. facility=143,bandwidth=10000,"
                        + "peer-v4=206.81.80.40,microsoft-v4=206.81.80.30,prefix-v4=206.81.80.0/22,max-v4=1000."
                        + " Keys (short or ARM name): id, facility, bandwidth, provider, peering-service,"
                        + " prefix-v4, prefix-v6, peer-v4, peer-v6, microsoft-v4, microsoft-v6, max-v4, max-v6, md5.")
        String spec;

        @Mixin
        WaitOptions wait;

        Add(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            ObjectNode connection = ConnectionSpec.parse(spec);
            write("PUT", connection.path("connectionIdentifier").asText(), "", null, connection, wait);
        }
    }

    @Command(name = "remove", description = "Removes a connection: asks you to type yes, unless --yes.")
    static final class Remove extends OneConnection {

        @Option(
                names = {"-y", "--yes"},
                description = "Do not ask for confirmation.")
        boolean yes;

        Remove(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            if (!yes && !confirmed()) {
                throw CliFailure.usage(
                        "connection " + connectionIdentifier + " not removed: type yes to confirm, or pass --yes");
            }
            delete(
                    connectionIdentifier,
                    Map.of("confirm", "yes"),
                    ": removal requested (sessions go to PendingRemove)");
        }

        private boolean confirmed() {
            ctx.err()
                    .print("Remove connection " + connectionIdentifier + " of peering " + peeringName
                            + "? Its BGP sessions will be torn down. Type yes to confirm: ");
            ctx.err().flush();
            try {
                String answer = ctx.in().readLine();
                return answer != null && answer.trim().equals("yes");
            } catch (IOException e) {
                return false;
            }
        }
    }

    @Command(name = "add-session", description = "Adds an IPv4 or IPv6 BGP session to an Active connection (PATCH).")
    static final class AddSession extends OneConnection {

        @Option(names = "--session-prefix-v4")
        String sessionPrefixV4;

        @Option(names = "--peer-session-ipv4-address")
        String peerSessionIPv4Address;

        @Option(names = "--microsoft-session-ipv4-address")
        String microsoftSessionIPv4Address;

        @Option(names = "--max-prefixes-advertised-ipv4")
        Integer maxPrefixesAdvertisedV4;

        @Option(names = "--session-prefix-v6")
        String sessionPrefixV6;

        @Option(names = "--peer-session-ipv6-address")
        String peerSessionIPv6Address;

        @Option(names = "--microsoft-session-ipv6-address")
        String microsoftSessionIPv6Address;

        @Option(names = "--max-prefixes-advertised-ipv6")
        Integer maxPrefixesAdvertisedV6;

        @Mixin
        WaitOptions wait;

        AddSession(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            ObjectNode bgp = ArmClient.JSON.createObjectNode();
            putIf(bgp, "sessionPrefixV4", sessionPrefixV4);
            putIf(bgp, "peerSessionIPv4Address", peerSessionIPv4Address);
            putIf(bgp, "microsoftSessionIPv4Address", microsoftSessionIPv4Address);
            if (maxPrefixesAdvertisedV4 != null) {
                bgp.put("maxPrefixesAdvertisedV4", maxPrefixesAdvertisedV4);
            }
            putIf(bgp, "sessionPrefixV6", sessionPrefixV6);
            putIf(bgp, "peerSessionIPv6Address", peerSessionIPv6Address);
            putIf(bgp, "microsoftSessionIPv6Address", microsoftSessionIPv6Address);
            if (maxPrefixesAdvertisedV6 != null) {
                bgp.put("maxPrefixesAdvertisedV6", maxPrefixesAdvertisedV6);
            }
            if (bgp.isEmpty()) {
                throw CliFailure.usage("add-session needs the session's addresses, e.g."
                        + " --peer-session-ipv6-address and --session-prefix-v6");
            }
            ObjectNode patch = ArmClient.JSON.createObjectNode();
            patch.set("bgpSession", bgp);
            write("PATCH", connectionIdentifier, "", null, patch, wait);
        }

        private static void putIf(ObjectNode node, String field, String value) {
            if (value != null) {
                node.put(field, value);
            }
        }
    }

    @Command(name = "show", description = "Shows a connection, its state and its BGP session states.")
    static final class Show extends OneConnection {

        @Mixin
        WaitOptions wait;

        Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            show(connectionIdentifier, wait);
        }
    }

    @Command(name = "list", description = "Lists the connections of a peering.")
    static final class ListConnections extends ConnectionCommand {

        @Option(names = "--all", description = "Follow nextLink and read every page.")
        boolean all;

        ListConnections(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            list(all);
        }
    }

    /**
     * The peering operator's actions on a connection ({@code POST .../connections/{id}/<action>}); each
     * goes through connection-service's state machine, which refuses an illegal one with its code.
     */
    abstract static class OperatorAction extends OneConnection {

        @Mixin
        WaitOptions wait;

        private final String action;

        OperatorAction(CliContext ctx, String action) {
            super(ctx);
            this.action = action;
        }

        JsonNode body() {
            return null;
        }

        @Override
        void run() {
            JsonNode result = client().send("POST", service(), path(connectionIdentifier) + "/" + action, null, body())
                    .body();
            if (result.isObject()) {
                follow(result, connectionIdentifier, wait);
            } else {
                say("connection " + connectionIdentifier + ": " + action + " done");
            }
        }

        @Command(name = "approve", description = "Operator: approves a PendingApproval connection.")
        static final class Approve extends OperatorAction {
            Approve(CliContext ctx) {
                super(ctx, "approve");
            }
        }

        @Command(
                name = "fail",
                description = "Operator: fails a connection in provisioning, with the reason the peer reads.")
        static final class Fail extends OperatorAction {

            @Option(names = "--reason", required = true)
            String reason;

            Fail(CliContext ctx) {
                super(ctx, "fail");
            }

            @Override
            JsonNode body() {
                return ArmClient.JSON.createObjectNode().put("reason", reason);
            }
        }

        @Command(name = "retry", description = "Operator: retries a ProvisioningFailed connection.")
        static final class Retry extends OperatorAction {
            Retry(CliContext ctx) {
                super(ctx, "retry");
            }
        }

        @Command(name = "block", description = "Operator: puts a connection in provisioning on ExternalBlocker.")
        static final class Block extends OperatorAction {

            @Option(names = "--reason", description = "What blocks it, as the peer will read it.")
            String reason;

            Block(CliContext ctx) {
                super(ctx, "block");
            }

            @Override
            JsonNode body() {
                return reason == null ? null : ArmClient.JSON.createObjectNode().put("reason", reason);
            }
        }

        @Command(
                name = "unblock",
                description = "Operator: returns a blocked connection to the state it was blocked in.")
        static final class Unblock extends OperatorAction {
            Unblock(CliContext ctx) {
                super(ctx, "unblock");
            }
        }

        @Command(name = "activate", description = "Operator: moves a connection to Active by hand.")
        static final class Activate extends OperatorAction {
            Activate(CliContext ctx) {
                super(ctx, "activate");
            }
        }
    }

    @Command(
            name = "remove-session",
            description = "Operator: removes the IPv4 or IPv6 session of a connection (a peer is refused:"
                    + " contact the peering operator).")
    static final class RemoveSession extends OneConnection {

        @Option(names = "--family", required = true, description = "IPv4 or IPv6.")
        String family;

        RemoveSession(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            if (!family.equals("IPv4") && !family.equals("IPv6")) {
                throw CliFailure.usage("--family '" + family + "' is not IPv4 or IPv6");
            }
            JsonNode result = client().send(
                            "POST",
                            service(),
                            path(connectionIdentifier) + "/removeSession",
                            Map.of("family", family),
                            null)
                    .body();
            if (result.isObject()) {
                print(result, Views.CONNECTION);
            } else {
                say("connection " + connectionIdentifier + ": " + family + " session removal requested");
            }
        }
    }
}
