package dev.peering.routeserver.bird;

import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.domain.LookingGlassCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The route server's looking glass (LookingGlass_Invoke, ADR 0014): {@code ping} and {@code traceroute} run
 * inside the route server's network namespace ({@code ip netns exec}), {@code BgpRoute} asks the router
 * through its control socket. Every command is an argument list built from a parsed address (never a
 * shell, never the caller's text), with a bounded count, time and output.
 */
public final class BirdLookingGlass {

    /** The bounds of every command: echo requests, hops, time, bytes of output kept. */
    public record Limits(int pingCount, int tracerouteMaxHops, Duration timeout, int maxOutputBytes) {

        public Limits {
            if (pingCount < 1 || pingCount > 10 || tracerouteMaxHops < 1 || tracerouteMaxHops > 30) {
                throw new IllegalArgumentException(
                        "ping count 1-10 and traceroute hops 1-30, got " + pingCount + " and " + tracerouteMaxHops);
            }
        }
    }

    /** Debian's package of each program, for the message when it is missing. */
    private static final List<List<String>> PACKAGES =
            List.of(List.of("ping", "iputils-ping"), List.of("traceroute", "traceroute"), List.of("ip", "iproute2"));

    private final BirdCommands bird;
    private final Path socket;
    private final Optional<String> namespace;
    private final Limits limits;

    /**
     * @param namespace the route server's network namespace, or empty when it shares this process's
     */
    public BirdLookingGlass(BirdCommands bird, Path socket, Optional<String> namespace, Limits limits) {
        this.bird = bird;
        this.socket = socket;
        this.namespace = namespace;
        this.limits = limits;
    }

    /**
     * Why the looking glass must not probe {@code address} for anyone (the unspecified address, loopback,
     * multicast, the limited broadcast), or empty.
     */
    public static Optional<String> refusal(Cidr.Address address) {
        for (String special : List.of(
                "0.0.0.0/8", "127.0.0.0/8", "224.0.0.0/4", "255.255.255.255/32", "::/128", "::1/128", "ff00::/8")) {
            Cidr range = Cidr.parse(special);
            if (range.contains(address)) {
                return Optional.of(address + " is in " + special
                        + " (unspecified, loopback, multicast or broadcast), which the looking glass does not probe.");
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code command} for {@code destination}. For {@code BgpRoute}, {@code protocols} limits the answer
     * to the routes those sessions sent (a peer's own); empty shows every session's (the operator's view).
     * The output is the program's, as it printed it, bounded; exit code 127 means the program is missing.
     */
    public CommandResult run(LookingGlassCommand command, Cidr.Address destination, Optional<List<String>> protocols) {
        if (refusal(destination).isPresent()) {
            throw new IllegalArgumentException(refusal(destination).get());
        }
        return switch (command) {
            case Ping -> inNamespace("ping", pingArguments(destination));
            case Traceroute -> inNamespace("traceroute", tracerouteArguments(destination));
            case BgpRoute -> bgpRoute(destination, protocols);
        };
    }

    /** {@code ping}'s arguments: numeric, a bounded count, one second per reply, a deadline for all. */
    List<String> pingArguments(Cidr.Address destination) {
        return List.of(
                family(destination),
                "-n",
                "-c",
                String.valueOf(limits.pingCount()),
                "-i",
                "0.2",
                "-W",
                "1",
                "-w",
                String.valueOf(seconds()),
                destination.toString());
    }

    /** {@code traceroute}'s arguments: numeric, one probe a hop, one second a probe, a bounded hop count. */
    List<String> tracerouteArguments(Cidr.Address destination) {
        return List.of(
                family(destination),
                "-n",
                "-q",
                "1",
                "-w",
                "1",
                "-m",
                String.valueOf(limits.tracerouteMaxHops()),
                destination.toString());
    }

    private CommandResult inNamespace(String program, List<String> arguments) {
        Optional<Path> path = BirdCommands.program(program);
        Optional<Path> ip = BirdCommands.program("ip");
        if (path.isEmpty() || (namespace.isPresent() && ip.isEmpty())) {
            String missing = path.isEmpty() ? program : "ip";
            String pkg = PACKAGES.stream()
                    .filter(p -> p.get(0).equals(missing))
                    .map(p -> p.get(1))
                    .findFirst()
                    .orElse(missing);
            return new CommandResult(
                    127, missing + " is not installed on the route server's host (apt-get install " + pkg + ")");
        }
        List<String> command = new ArrayList<>();
        namespace.ifPresent(ns -> command.addAll(List.of(ip.get().toString(), "netns", "exec", ns)));
        command.add(path.get().toString());
        command.addAll(arguments);
        return bird.run(command, limits.timeout(), limits.maxOutputBytes());
    }

    private CommandResult bgpRoute(Cidr.Address destination, Optional<List<String>> protocols) {
        List<String> base = List.of(
                bird.birdc().toString(), "-s", socket.toString(), "show", "route", "for", destination.toString());
        if (protocols.isEmpty()) {
            List<String> command = new ArrayList<>(base);
            command.add("all");
            CommandResult all = bird.run(command, limits.timeout(), limits.maxOutputBytes());
            if (!all.succeeded() && !noRoute(all.output())) {
                return all;
            }
            String text = routesOnly(all.output());
            return new CommandResult(
                    0, text.isEmpty() ? "No route for " + destination + " on the route server." : withoutBanner(all));
        }
        // One question per session, so a peer never sees the routes other peers sent for the same prefix.
        StringBuilder out = new StringBuilder();
        for (String protocol : protocols.get()) {
            List<String> command = new ArrayList<>(base);
            command.addAll(List.of("protocol", protocol, "all"));
            CommandResult one = bird.run(command, limits.timeout(), limits.maxOutputBytes());
            if (!one.succeeded() && !noRoute(one.output())) {
                return one;
            }
            String text = routesOnly(one.output());
            if (text.isEmpty()) {
                continue;
            }
            if (out.length() + text.length() > limits.maxOutputBytes()) {
                out.append("[output cut at ").append(limits.maxOutputBytes()).append(" bytes]\n");
                break;
            }
            out.append(text).append('\n');
        }
        return new CommandResult(
                0,
                out.isEmpty()
                        ? "No route for " + destination + " from your sessions on the route server."
                        : out.toString().strip());
    }

    /**
     * BIRD 2.0.12's words, with exit code 1, for "nothing to show": no network covers the address, or the
     * session is not on the router (yet: its name is then an unknown symbol to birdc).
     */
    private static boolean noRoute(String output) {
        return output.contains("Network not found") || output.contains("CF_SYM_UNDEFINED");
    }

    private static String withoutBanner(CommandResult result) {
        return result.output().replaceFirst("\\ABIRD \\S+ ready\\.\\R?", "");
    }

    // birdc's banner and table header go, and what says there is no route (see noRoute).
    private static String routesOnly(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.startsWith("BIRD ") && line.endsWith("ready.") || line.startsWith("Table ") || noRoute(line)) {
                continue;
            }
            lines.add(line);
        }
        return String.join("\n", lines).strip();
    }

    private int seconds() {
        return (int) Math.max(1, Math.min(limits.timeout().toSeconds() - 1, limits.pingCount() + 2L));
    }

    private static String family(Cidr.Address destination) {
        return destination.family() == Cidr.Family.IPV4 ? "-4" : "-6";
    }
}
