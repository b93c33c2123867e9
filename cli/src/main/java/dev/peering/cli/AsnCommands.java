package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peering asn ...}: the PeerAsn association of a subscription (asn-validation-service). */
@Command(
        name = "asn",
        description = "Associate your ASN with the subscription and follow its validation.",
        subcommands = {
            AsnCommands.Create.class,
            AsnCommands.Show.class,
            AsnCommands.ListAsns.class,
            AsnCommands.Delete.class,
            AsnCommands.Approve.class,
            AsnCommands.Reject.class
        })
final class AsnCommands extends GroupCommand {

    abstract static class AsnCommand extends ArmCommand {

        AsnCommand(CliContext ctx) {
            super(ctx);
        }

        String path(String name) {
            return subscriptionPath() + PROVIDER + "/peerAsns" + (name == null ? "" : "/" + seg(name));
        }

        JsonNode get(String name) {
            return client().get(endpoints().asn(), path(name), null).body();
        }
    }

    @Command(name = "create", description = "Associates an ASN (PUT); it is Pending until validated.")
    static final class Create extends AsnCommand {

        @Option(
                names = {"-n", "--name", "--peer-asn-name"},
                required = true,
                description = "Name of the association.")
        String name;

        @Option(names = "--peer-asn", required = true, description = "The ASN, 1 to 4294967295.")
        long peerAsn;

        @Option(names = "--peer-name", required = true, description = "Your organisation's name.")
        String peerName;

        @Option(names = "--email", description = "Contact e-mail.")
        String email;

        @Option(names = "--phone", description = "Contact phone.")
        String phone;

        @Option(
                names = "--role",
                defaultValue = "Noc",
                description =
                        "Contact role: Noc, Policy, Technical, Service, Escalation, Other (default ${DEFAULT-VALUE}).")
        String role;

        @Mixin
        WaitOptions wait;

        Create(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            ObjectNode body = ArmClient.JSON.createObjectNode();
            ObjectNode props = body.putObject("properties");
            props.put("peerAsn", peerAsn);
            props.put("peerName", peerName);
            ObjectNode contact = props.putArray("peerContactDetail").addObject();
            contact.put("role", role);
            if (email != null) {
                contact.put("email", email);
            }
            if (phone != null) {
                contact.put("phone", phone);
            }
            JsonNode created = client().send("PUT", endpoints().asn(), path(name), null, body)
                    .body();
            printOrWait(created, Views.PEER_ASN, wait, "peerAsn " + name, () -> get(name), Settlement::peerAsn);
        }
    }

    @Command(name = "show", description = "Shows a PeerAsn and its validationState.")
    static final class Show extends AsnCommand {

        @Option(
                names = {"-n", "--name", "--peer-asn-name"},
                required = true)
        String name;

        @Mixin
        WaitOptions wait;

        Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            showOrWait(n -> print(n, Views.PEER_ASN), wait, "peerAsn " + name, () -> get(name), Settlement::peerAsn);
        }
    }

    @Command(name = "list", description = "Lists the PeerAsns of the subscription.")
    static final class ListAsns extends AsnCommand {

        @Option(names = "--all", description = "Follow nextLink and read every page.")
        boolean all;

        ListAsns(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            printList(client().list(endpoints().asn(), path(null), null, all), Views.PEER_ASN);
        }
    }

    @Command(name = "delete", description = "Removes the association.")
    static final class Delete extends AsnCommand {

        @Option(
                names = {"-n", "--name", "--peer-asn-name"},
                required = true)
        String name;

        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            int status = client().send("DELETE", endpoints().asn(), path(name), null, null)
                    .status();
            say(status == 204 ? "peerAsn " + name + " did not exist" : "peerAsn " + name + " deleted");
        }
    }

    @Command(name = "approve", description = "Operator: approves a Pending PeerAsn now.")
    static final class Approve extends AsnCommand {

        @Option(
                names = {"-n", "--name", "--peer-asn-name"},
                required = true)
        String name;

        Approve(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            print(
                    client().send("POST", endpoints().asn(), path(name) + "/approve", null, null)
                            .body(),
                    Views.PEER_ASN);
        }
    }

    @Command(name = "reject", description = "Operator: fails a Pending PeerAsn now, with the reason the peer reads.")
    static final class Reject extends AsnCommand {

        @Option(
                names = {"-n", "--name", "--peer-asn-name"},
                required = true)
        String name;

        @Option(names = "--reason", required = true)
        String reason;

        Reject(CliContext ctx) {
            super(ctx);
        }

        @Override
        void run() {
            ObjectNode body = ArmClient.JSON.createObjectNode().put("reason", reason);
            print(
                    client().send("POST", endpoints().asn(), path(name) + "/reject", Map.of(), body)
                            .body(),
                    Views.PEER_ASN);
        }
    }
}
