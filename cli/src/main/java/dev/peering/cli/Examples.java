package dev.peering.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The examples at the end of every command's {@code --help}, keyed by the command's name under
 * {@code peering} ("" for {@code peering} itself). They use the names of the README's walkthrough and
 * assume the subscription comes from PEERING_SUBSCRIPTION or the config file; {@code $OPERATOR} is the
 * peering operator's token. {@code ExamplesTest} parses every one against the command tree.
 */
final class Examples {

    private static final String CONNECTION_A = "id=conn-a,facility=143,bandwidth=10000,prefix-v4=206.81.80.0/22,"
            + "microsoft-v4=206.81.80.30,peer-v4=206.81.81.10,max-v4=1000";
    private static final String CONNECTION_C =
            CONNECTION_A.replace("conn-a", "conn-c").replace("81.10", "81.12");
    private static final String CUSTOMER = "-s fabrikam-sub-01 -g crg";
    private static final String PREFIXES = CUSTOMER + " --peering-service-name fabrikam-ps";

    static final Map<String, List<String>> BY_COMMAND = examples();

    private Examples() {}

    private static Map<String, List<String>> examples() {
        Map<String, List<String>> e = new LinkedHashMap<>();
        e.put(
                "",
                List.of(
                        "# Defaults once, in ~/.config/peering/config (see README) or the environment",
                        "export PEERING_SUBSCRIPTION=contoso-sub-01 PEERING_TOKEN=$(./stack token --subscriptions"
                                + " contoso-sub-01)",
                        "peering asn create -n contoso-asn --peer-asn 30000 --peer-name \"Contoso IX\" --email"
                                + " noc@contoso.example --wait",
                        "peering peering show -g rg1 -n seattle1 -o yaml",
                        "peering registered-asn list -g rg1 -p seattle1 --query \"[].[name, properties.asn]\" -o tsv",
                        "source <(peering completion bash)"));
        e.put("asn", List.of("peering asn list", "peering asn show -n contoso-asn"));
        e.put(
                "asn create",
                List.of(
                        "# Associate ASN 30000 and follow it until it is Approved or Failed",
                        "peering asn create -n contoso-asn --peer-asn 30000 --peer-name \"Contoso IX\" --email"
                                + " noc@contoso.example --phone \"+1 206 555 0100\" --wait"));
        e.put(
                "asn show",
                List.of(
                        "peering asn show -n contoso-asn",
                        "# Only the state, for a script",
                        "peering asn show -n contoso-asn --query properties.validationState -o tsv",
                        "# Follow it until it is decided (about 12 h in production)",
                        "peering asn show -n contoso-asn --wait --timeout 13h"));
        e.put(
                "asn list",
                List.of(
                        "peering asn list",
                        "peering asn list --query \"[?properties.validationState=='Failed'].[name,"
                                + " properties.errorMessage]\" -o tsv"));
        e.put("asn delete", List.of("peering asn delete -n private-asn"));
        e.put(
                "asn approve",
                List.of("# The peering operator", "peering asn approve -n contoso-asn --token \"$OPERATOR\""));
        e.put(
                "asn reject",
                List.of(
                        "# The peering operator",
                        "peering asn reject -n contoso-asn --reason \"AS 30000 is not Contoso's in PeeringDB\""
                                + " --token \"$OPERATOR\""));

        e.put("peering", List.of("peering peering list", "peering peering show -g rg1 -n seattle1"));
        e.put(
                "peering create",
                List.of(
                        "# A connection at SIX Seattle (facility 143); waits for the ASN's approval, then provisions",
                        "peering peering create -g rg1 -n seattle1 --location westus2 --peering-location Seattle"
                                + " --peer-asn contoso-asn --connection " + CONNECTION_A + " --wait",
                        "# The whole ARM body from a file",
                        "peering peering create -g rg1 -n seattle1 --body @seattle1.json"));
        e.put(
                "peering show",
                List.of(
                        "peering peering show -g rg1 -n seattle1",
                        "peering peering show -g rg1 -n seattle1 --query"
                                + " \"properties.direct.connections[].[connectionIdentifier, connectionState]\"",
                        "peering peering show -g rg1 -n seattle1 --wait -o none"));
        e.put(
                "peering list",
                List.of("peering peering list", "peering peering list -g rg1 --all --query \"[].name\" -o tsv"));
        e.put("peering update", List.of("peering peering update -g rg1 -n seattle1 --tags env=prod team=noc"));
        e.put(
                "peering delete",
                List.of(
                        "# A peer is refused: the peering operator deprovisions",
                        "peering peering delete -g rg1 -n seattle1"));
        e.put(
                "peering deprovision",
                List.of(
                        "# The peering operator",
                        "peering peering deprovision -g rg1 -n seattle1 --token \"$OPERATOR\""));

        e.put("location", List.of("peering location list"));
        e.put(
                "location list",
                List.of(
                        "peering location list",
                        "peering location list --query \"[?properties.country=='US'].name\" -o tsv"));

        e.put(
                "connection",
                List.of(
                        "peering connection list -g rg1 -p seattle1",
                        "peering connection show -g rg1 -p seattle1 -c conn-b"));
        e.put(
                "connection add",
                List.of("peering connection add -g rg1 -p seattle1 --connection " + CONNECTION_C + " --wait"));
        e.put(
                "connection remove",
                List.of(
                        "# Asks you to type yes",
                        "peering connection remove -g rg1 -p seattle1 -c conn-c",
                        "peering connection remove -g rg1 -p seattle1 -c conn-c --yes"));
        e.put(
                "connection add-session",
                List.of(
                        "peering connection add-session -g rg1 -p seattle1 -c conn-a --session-prefix-v6 2001:504:16::/64"
                                + " --microsoft-session-ipv6-address 2001:504:16::1f9b --peer-session-ipv6-address"
                                + " 2001:504:16::a:10 --max-prefixes-advertised-ipv6 100 --wait"));
        e.put(
                "connection show",
                List.of(
                        "# Follow it through provisioning until its sessions are Established",
                        "peering connection show -g rg1 -p seattle1 -c conn-b --wait",
                        "peering connection show -g rg1 -p seattle1 -c conn-b --query bgpSession -o yaml"));
        e.put(
                "connection list",
                List.of(
                        "peering connection list -g rg1 -p seattle1",
                        "peering connection list -g rg1 -p seattle1 --query \"[].[connectionIdentifier,"
                                + " connectionState]\" -o tsv"));
        operator(e, "approve", "");
        operator(e, "fail", " --reason \"cross-connect not patched\"");
        operator(e, "retry", " --wait");
        operator(e, "block", " --reason \"waiting for the LOA\"");
        operator(e, "unblock", "");
        operator(e, "activate", "");
        operator(e, "remove-session", " --family IPv6");

        e.put("registered-asn", List.of("peering registered-asn list -g rg1 -p seattle1"));
        e.put(
                "registered-asn create",
                List.of("peering registered-asn create -g rg1 -p seattle1 -n fabrikam --asn 13335 --wait"));
        e.put(
                "registered-asn show",
                List.of(
                        "peering registered-asn show -g rg1 -p seattle1 -n fabrikam",
                        "# Only the Prefix Key, to hand to the customer",
                        "peering registered-asn show -g rg1 -p seattle1 -n fabrikam --query"
                                + " properties.peeringServicePrefixKey -o tsv"));
        e.put(
                "registered-asn list",
                List.of(
                        "peering registered-asn list -g rg1 -p seattle1",
                        "peering registered-asn list -g rg1 -p seattle1 -o yaml"));
        e.put("registered-asn delete", List.of("peering registered-asn delete -g rg1 -p seattle1 -n tailspin"));
        e.put(
                "registered-asn update",
                List.of(
                        "# The same ASN again: the registration as it is (another ASN is refused)",
                        "peering registered-asn update -g rg1 -p seattle1 -n fabrikam --asn 13335"));

        e.put("registered-prefix", List.of("peering registered-prefix list -g rg1 -p seattle1"));
        e.put(
                "registered-prefix create",
                List.of(
                        "# Register the customer's prefix and follow it until it is decided",
                        "peering registered-prefix create -g rg1 -p seattle1 -n fabrikam-web --prefix 20.5.0.0/16"
                                + " --wait"));
        e.put(
                "registered-prefix show",
                List.of(
                        "peering registered-prefix show -g rg1 -p seattle1 -n fabrikam-web",
                        "# Only the Prefix Key, to hand to the customer",
                        "peering registered-prefix show -g rg1 -p seattle1 -n fabrikam-web --query"
                                + " properties.peeringServicePrefixKey -o tsv"));
        e.put(
                "registered-prefix list",
                List.of(
                        "peering registered-prefix list -g rg1 -p seattle1",
                        "peering registered-prefix list -g rg1 -p seattle1 --query"
                                + " \"[?properties.prefixValidationState!='Verified'].[name, properties.errorMessage]\""
                                + " -o tsv"));
        e.put(
                "registered-prefix delete",
                List.of("peering registered-prefix delete -g rg1 -p seattle1 -n fabrikam-web"));
        e.put(
                "registered-prefix validate",
                List.of(
                        "# Validate again, e.g. once a connection is Active after a Warning",
                        "peering registered-prefix validate -g rg1 -p seattle1 -n fabrikam-web --wait"));

        e.put("service", List.of("peering service show " + CUSTOMER + " -n fabrikam-ps"));
        e.put(
                "service create",
                List.of(
                        "peering service create " + CUSTOMER + " -n fabrikam-ps --location westus2"
                                + " --peering-service-location Washington --peering-service-provider \"Contoso IX\"",
                        "# with its SKU and tags",
                        "peering service create " + CUSTOMER + " -n fabrikam-ps --location westus2"
                                + " --peering-service-location Washington --peering-service-provider \"Contoso IX\""
                                + " --sku Standard --tags env=prod team=noc"));
        e.put("service show", List.of("peering service show " + CUSTOMER + " -n fabrikam-ps -o json"));
        e.put("service delete", List.of("peering service delete " + CUSTOMER + " -n fabrikam-ps"));
        e.put(
                "service list",
                List.of(
                        "peering service list -s fabrikam-sub-01",
                        "peering service list " + CUSTOMER + " --query \"[].name\" -o tsv"));
        e.put(
                "service update",
                List.of("peering service update " + CUSTOMER + " -n fabrikam-ps --tags env=prod team=noc"));
        e.put("service location", List.of("peering service location list"));
        e.put(
                "service location list",
                List.of("peering service location list", "peering service location list --country \"United States\""));
        e.put("service provider", List.of("peering service provider list"));
        e.put(
                "service provider list",
                List.of(
                        "peering service provider list",
                        "peering service provider list --query \"[?contains(properties.peeringLocations,"
                                + " 'Seattle')].name\" -o tsv"));
        e.put("service country", List.of("peering service country list"));
        e.put("service country list", List.of("peering service country list -o tsv"));
        e.put("service prefix", List.of("peering service prefix list " + PREFIXES));
        e.put(
                "service prefix create",
                List.of(
                        "# The Prefix Key from PEERING_PREFIX_KEY stays out of the shell history",
                        "peering service prefix create " + PREFIXES + " -n web --prefix 20.1.2.0/24 --wait"));
        e.put(
                "service prefix show",
                List.of(
                        "peering service prefix show " + PREFIXES + " -n web",
                        "peering service prefix show " + PREFIXES
                                + " -n web --query properties.prefixValidationState -o tsv"));
        e.put("service prefix list", List.of("peering service prefix list " + PREFIXES + " -o table"));
        e.put("service prefix delete", List.of("peering service prefix delete " + PREFIXES + " -n web"));

        e.put(
                "watch",
                List.of(
                        "peering watch --subscription contoso-sub-01",
                        "peering watch --resource /subscriptions/contoso-sub-01/resourceGroups/rg1/providers/"
                                + "Microsoft.Peering/peerings/seattle1 --until-idle 8s",
                        "peering watch --correlation-id 96f90097-d4be-42f8-9fc2-bb941f722ce3 -o json",
                        "peering watch --kafka-config .stack-data/kafka-security/clients/watch.properties"));
        e.put(
                "looking-glass",
                List.of(
                        "# From the route server (./stack up --route-server bird): your session's route, then a ping",
                        "peering looking-glass --command BgpRoute --destination-ip 20.1.1.1",
                        "peering looking-glass --command Ping --destination-ip 206.81.81.10",
                        "peering looking-glass --command Traceroute --destination-ip 206.81.81.10 -o json"));
        e.put(
                "completion",
                List.of(
                        "# bash: in ~/.bashrc",
                        "source <(peering completion bash)",
                        "# zsh: in ~/.zshrc",
                        "source <(peering completion zsh)",
                        "peering completion bash > ~/.local/share/bash-completion/completions/peering"));
        DlqCommands.examples(e);
        return e;
    }

    private static void operator(Map<String, List<String>> e, String verb, String extra) {
        e.put(
                "connection " + verb,
                List.of(
                        "# The peering operator",
                        "peering connection " + verb + " -g rg1 -p seattle1 -c conn-a" + extra
                                + " --token \"$OPERATOR\""));
    }

    /** The help section of the examples, between the command's options and the exit codes. */
    static final String SECTION = "examples";

    /**
     * Puts each command's examples at the end of its help, before the exit codes. They are a section of
     * their own, printed as written: picocli would wrap the footer inside a long word (a connection spec,
     * a resource id), and the copied command would no longer work.
     */
    static void addTo(CommandLine command) {
        List<String> examples = BY_COMMAND.get(qualifiedName(command));
        if (examples != null) {
            String nl = System.lineSeparator();
            StringBuilder text = new StringBuilder(nl).append("Examples:").append(nl);
            examples.forEach(
                    example -> wrap(example).forEach(l -> text.append(l).append(nl)));
            CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
            usage.sectionMap().put(SECTION, help -> text.toString());
            // on this command's spec only: CommandLine.setHelpSectionKeys hands its list down to subcommands
            List<String> keys = new java.util.ArrayList<>(usage.sectionKeys());
            keys.remove(SECTION);
            keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION);
            usage.sectionKeys(keys);
        }
        command.getSubcommands().values().forEach(Examples::addTo);
    }

    /** Help is 80 columns wide: a long example goes on as a shell continuation, never inside a quote. */
    static List<String> wrap(String example) {
        boolean comment = example.startsWith("#");
        String indent = comment ? "  # " : "      ";
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder("  ");
        for (String word : words(example)) {
            if (line.length() > 6 && line.length() + 1 + word.length() > WIDTH - 2) {
                lines.add(comment ? line.toString() : line.append(" \\").toString());
                line = new StringBuilder(indent);
            } else if (line.length() > 2 && !line.toString().equals(indent)) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    static final int WIDTH = 80;

    /** The words of a command line, a quoted string kept as one word with its quotes. */
    static List<String> words(String line) {
        List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                word.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word.append(c);
            } else if (c == ' ') {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** {@code asn create} for {@code peering asn create}; "" for the root. */
    static String qualifiedName(CommandLine command) {
        String full = command.getCommandSpec().qualifiedName(" ");
        int space = full.indexOf(' ');
        return space < 0 ? "" : full.substring(space + 1);
    }
}
