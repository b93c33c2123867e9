package dev.peering.routeserver.lab;

import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.bird.BirdCommands;
import dev.peering.routeserver.bird.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An emulated exchange LAN on this machine: a Linux bridge in a network namespace of its own, and one
 * namespace per router, joined to the bridge by a veth pair and given its addresses on the exchange's
 * peering LAN (the reference data's prefixes). Each router is a BIRD started inside its namespace
 * ({@link LabRouter}). Nothing is created in the machine's own namespace and nothing leaves it: the
 * addresses exist only inside these namespaces.
 *
 * <p>Needs root (network namespaces) and BIRD 2. Names carry this JVM's pid and a random part, so runs
 * side by side never meet; {@link #close()} removes everything (a JVM shutdown hook does it too), and
 * {@link #removeLeftovers()} removes what a killed JVM left behind.
 */
public final class ExchangeLan implements AutoCloseable {

    /** Every namespace this class makes starts with it: {@code pcplab-<pid>-<random>-<node>}. */
    static final String PREFIX = "pcplab-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final Cidr lanV4;
    private final Cidr lanV6;
    private final Path dir;
    private final BirdCommands bird;
    private final Map<String, LabRouter> routers = new LinkedHashMap<>();
    private final boolean owner;
    private final Thread shutdownHook;
    private boolean closed;

    private ExchangeLan(String id, Cidr lanV4, Cidr lanV6, Path dir, BirdCommands bird, boolean owner) {
        this.id = id;
        this.owner = owner;
        this.lanV4 = lanV4;
        this.lanV6 = lanV6;
        this.dir = dir;
        this.bird = bird;
        this.shutdownHook = new Thread(this::close, "exchange-lan-" + id + "-cleanup");
    }

    /**
     * Why no LAN can be made here (not root, no {@code ip}, no BIRD 2), or empty when one can. Callers say
     * it loudly and skip.
     */
    public static Optional<String> whyUnavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("the emulated exchange LAN needs root (network namespaces); this JVM runs as "
                    + System.getProperty("user.name"));
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip"))) {
            return Optional.of("the emulated exchange LAN needs iproute2's ip (apt-get install iproute2)");
        }
        if (BirdCommands.installed().isEmpty()) {
            return Optional.of("the emulated exchange LAN needs BIRD 2 (apt-get install bird2)");
        }
        // root is not enough in a container without the right to make namespaces: try one
        String probe = PREFIX + ProcessHandle.current().pid() + "-probe" + Integer.toHexString(RANDOM.nextInt(0x10000));
        CommandResult made = run(List.of(ipProgram(), "netns", "add", probe));
        if (!made.succeeded()) {
            return Optional.of("the emulated exchange LAN needs network namespaces, and `ip netns add` fails here: "
                    + made.output().strip());
        }
        run(List.of(ipProgram(), "netns", "del", probe));
        return Optional.empty();
    }

    /**
     * A new, empty LAN: its bridge namespace is up. {@code dir} holds each router's configuration, log
     * and control socket (keep its path short: a socket path has at most 107 bytes).
     *
     * @param lanV6 the IPv6 peering LAN, or null for an IPv4-only exchange
     */
    public static ExchangeLan create(Path dir, Cidr lanV4, Cidr lanV6) {
        removeLeftovers();
        BirdCommands bird = BirdCommands.installed()
                .orElseThrow(() -> new IllegalStateException(whyUnavailable().orElse("BIRD 2 is missing")));
        String id = ProcessHandle.current().pid() + "-" + Integer.toHexString(0x1000 + RANDOM.nextInt(0xf000));
        ExchangeLan lan = new ExchangeLan(id, lanV4, lanV6, dir, bird, true);
        Runtime.getRuntime().addShutdownHook(lan.shutdownHook);
        try {
            Files.createDirectories(dir);
            lan.ip("netns", "add", lan.bridgeNamespace());
            lan.ipIn(lan.bridgeNamespace(), "link", "add", "lan", "type", "bridge");
            lan.ipIn(lan.bridgeNamespace(), "link", "set", "lan", "up");
        } catch (RuntimeException | IOException e) {
            lan.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return lan;
    }

    /**
     * Another handle on the LAN {@link #id()} made (in this JVM, say by a test resource in another class
     * loader): it starts and stops routers of its own; closing it removes only those, while closing the
     * LAN's creator removes everything.
     */
    public static ExchangeLan attach(String id, Path dir, Cidr lanV4, Cidr lanV6) {
        BirdCommands bird = BirdCommands.installed()
                .orElseThrow(() -> new IllegalStateException(whyUnavailable().orElse("BIRD 2 is missing")));
        ExchangeLan lan = new ExchangeLan(id, lanV4, lanV6, dir, bird, false);
        Runtime.getRuntime().addShutdownHook(lan.shutdownHook);
        return lan;
    }

    /**
     * {@link #attach} to the LAN of a router that another process started (the local stack prints its route
     * server's namespace and control socket): the LAN's id is in the router's namespace name
     * ({@code pcplab-<id>-<node>}), its directory holds the router's ({@code <dir>/<node>/bird.ctl}).
     */
    public static ExchangeLan attachByRouter(String routerNamespace, Path routerSocket, Cidr lanV4, Cidr lanV6) {
        String node = routerSocket.getParent().getFileName().toString();
        String suffix = "-" + node;
        if (!routerNamespace.startsWith(PREFIX) || !routerNamespace.endsWith(suffix)) {
            throw new IllegalArgumentException(
                    routerNamespace + " is not the namespace of the router of " + routerSocket + " on a lab LAN");
        }
        String id = routerNamespace.substring(PREFIX.length(), routerNamespace.length() - suffix.length());
        return attach(id, routerSocket.getParent().getParent(), lanV4, lanV6);
    }

    /** What {@link #attach} needs to find this LAN. */
    public String id() {
        return id;
    }

    public Path directory() {
        return dir;
    }

    /**
     * Starts a router: a namespace {@code node} on the bridge with {@code addressV4} (and
     * {@code addressV6}, may be null) on its {@code lan0}, and BIRD in it on {@code config}.
     *
     * @param node a short name, unique on this LAN (letters and digits, at most 8)
     */
    public LabRouter start(String node, String addressV4, String addressV6, String config) {
        if (!node.matches("[a-z][a-z0-9]{0,7}") || routers.containsKey(node)) {
            throw new IllegalArgumentException("a router needs a new short name, got " + node);
        }
        String ns = namespace(node);
        String port = "v" + node;
        ip("netns", "add", ns);
        ip("link", "add", "lan0", "netns", ns, "type", "veth", "peer", "name", port, "netns", bridgeNamespace());
        ipIn(bridgeNamespace(), "link", "set", port, "master", "lan");
        ipIn(bridgeNamespace(), "link", "set", port, "up");
        ipIn(ns, "link", "set", "lo", "up");
        if (addressV6 != null) {
            // No duplicate address detection: a tentative address cannot be bound by BGP for a second or two.
            ipIn(ns, "-6", "addr", "add", addressV6 + "/" + lanV6.prefixLength(), "dev", "lan0", "nodad");
        }
        ipIn(ns, "addr", "add", addressV4 + "/" + lanV4.prefixLength(), "dev", "lan0");
        ipIn(ns, "link", "set", "lan0", "up");
        LabRouter router = LabRouter.start(bird, ns, dir.resolve(node), config);
        routers.put(node, router);
        return router;
    }

    public Optional<LabRouter> router(String node) {
        return Optional.ofNullable(routers.get(node));
    }

    /** Stops one router and removes its namespace; the others stay up. */
    public void remove(String node) {
        LabRouter router = routers.remove(node);
        if (router != null) {
            router.stop();
            ipQuiet("netns", "del", router.namespace());
        }
    }

    /** Stops every router and removes every namespace of this LAN (the bridge with it). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (String node : List.copyOf(routers.keySet())) {
            remove(node);
        }
        if (owner) {
            // Routers an attached handle started too: their namespaces go, their processes are that handle's.
            for (String ns : namespaces()) {
                if (ns.startsWith(PREFIX + id + "-")) {
                    ipQuiet("netns", "del", ns);
                }
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called by the hook itself
        }
    }

    /** The namespaces of LANs whose JVM is gone (killed before it could close them), removed. */
    public static void removeLeftovers() {
        for (String name : namespaces()) {
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String pid = name.substring(PREFIX.length()).split("-")[0];
            boolean alive = pid.matches("\\d{1,18}")
                    && ProcessHandle.of(Long.parseLong(pid)).isPresent();
            if (!alive) {
                run(List.of(ipProgram(), "netns", "del", name));
            }
        }
    }

    private static List<String> namespaces() {
        List<String> names = new ArrayList<>();
        for (String line : run(List.of(ipProgram(), "netns", "list")).output().split("\\R")) {
            if (!line.isBlank()) {
                names.add(line.split("\\s+")[0]);
            }
        }
        return names;
    }

    /** The namespace of a router of this LAN. */
    public String namespace(String node) {
        return PREFIX + id + "-" + node;
    }

    String bridgeNamespace() {
        return namespace("lan");
    }

    private void ipIn(String ns, String... args) {
        List<String> command = new ArrayList<>(List.of("-n", ns));
        command.addAll(List.of(args));
        ip(command.toArray(String[]::new));
    }

    private void ip(String... args) {
        List<String> command = new ArrayList<>(List.of(ipProgram()));
        command.addAll(List.of(args));
        CommandResult result = run(command);
        if (!result.succeeded()) {
            throw new IllegalStateException(String.join(" ", command) + ": " + result.output());
        }
    }

    private void ipQuiet(String... args) {
        List<String> command = new ArrayList<>(List.of(ipProgram()));
        command.addAll(List.of(args));
        run(command);
    }

    static String ipProgram() {
        return Files.isExecutable(Path.of("/usr/sbin/ip")) ? "/usr/sbin/ip" : "/sbin/ip";
    }

    static CommandResult run(List<String> command) {
        return new BirdCommands(Path.of("bird"), Path.of("birdc"), java.time.Duration.ofSeconds(20)).run(command);
    }
}
