package dev.peering.systemtests;

import dev.peering.core.KafkaClientSettings;
import dev.peering.tokens.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The whole product as a user runs it: the local stack's launcher, started as a process on free ports
 * with a data folder of its own, starting PostgreSQL, Kafka, the four packaged services, the gateway
 * in front of them and the console. One stack
 * serves every system test of the JVM and is stopped (SIGTERM, as Ctrl-C) when the JVM exits.
 */
public final class Stack {

    public static final String ASN = "asn-validation-service";
    public static final String PEERING = "peering-service";
    public static final String CONNECTION = "connection-service";
    public static final String REGISTRATION = "registration-service";
    /** The front door: every ARM path of the four services, one address. */
    public static final String GATEWAY = "gateway";
    /** The web console (ConsoleIT drives it in Chromium). */
    public static final String CONSOLE = "console";

    public static final String ADMIN_PRINCIPAL = "admin";
    public static final String WATCH_PRINCIPAL = "watch";
    private static final List<String> SERVICES = List.of(ASN, PEERING, CONNECTION, REGISTRATION, GATEWAY, CONSOLE);

    /**
     * The seed's delays, shortened so the story runs in seconds; every one is a service setting, given
     * here as the environment of the services (which they inherit from the launcher).
     */
    private static final Map<String, String> SHORT_DELAYS = Map.of(
            "_LOCAL_PEERING_ASN_APPROVAL_DELAY", "PT8S",
            "_LOCAL_PEERING_ASN_APPROVAL_POLL_INTERVAL", "200ms",
            "_LOCAL_PEERING_CONNECTION_STEP_DELAY", "PT0.5S",
            "_LOCAL_PEERING_CONNECTION_SESSION_STEP_DELAY", "PT0.3S",
            "_LOCAL_PEERING_CONNECTION_POLL_INTERVAL", "200ms",
            "_LOCAL_PEERING_REGISTRATION_PREFIX_VALIDATION_DELAY", "PT1S",
            "_LOCAL_PEERING_REGISTRATION_PREFIX_VALIDATION_POLL_INTERVAL", "200ms",
            // a peering naming a PeerAsn that never comes fails after this (ReadYourWritesIT)
            "_LOCAL_PEERING_PEERINGS_PEER_ASN_ARRIVAL_TIMEOUT", "PT30S");

    /** {@code _LOCAL_PEERING_PEERINGS_PEER_ASN_ARRIVAL_TIMEOUT} above. */
    public static final Duration PEER_ASN_ARRIVAL_TIMEOUT = Duration.ofSeconds(30);

    private static Stack stack;

    private final Process launcher;
    private final Path dataDir;
    private final Map<String, Integer> ports;
    private final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    private PrivateKey signingKey;

    private Stack(Process launcher, Path dataDir, Map<String, Integer> ports) {
        this.launcher = launcher;
        this.dataDir = dataDir;
        this.ports = ports;
    }

    /** The stack of this JVM, started on first use. */
    public static synchronized Stack get() {
        if (stack == null) {
            stack = start(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "system-test-stack-stop"));
        }
        return stack;
    }

    /**
     * Stops the stack of this JVM if one was started, to free the machine for a stack of a test's own (a test
     * ordered after every test of the shared stack calls it); a later {@link #get()} would start a new one.
     */
    public static synchronized void stopShared() {
        if (stack != null) {
            stack.stop();
            stack = null;
        }
    }

    /**
     * The launcher's options of the shared stack: as production would run it, the secured stack (SASL_SSL, one
     * principal per service, ACLs) with three Kafka nodes (replication 3, min.insync.replicas 2) and two instances
     * of every service behind the gateway (-Dsystem.brokers=1 -Dsystem.instances=1 for a lighter stack while
     * developing). Every system test of the shared stack runs the story on it, without a second stack start.
     */
    private static List<String> sharedShape() {
        return List.of(
                "--kafka-security",
                "sasl_ssl",
                "--brokers",
                System.getProperty("system.brokers", "3"),
                "--instances",
                System.getProperty("system.instances", "2"));
    }

    /** Starts a stack of its own, shaped as the shared one, with extra environment for the services. */
    public static Stack start(Map<String, String> environment) {
        return start(environment, sharedShape());
    }

    /**
     * Starts a stack of its own with extra environment for the services and the launcher's {@code shape} options
     * instead of the shared stack's (say {@code --brokers 1 --instances 1 --route-server bird}: plaintext Kafka).
     */
    public static Stack start(Map<String, String> environment, List<String> shape) {
        Path root = repositoryRoot();
        Path launcherJar = root.resolve("local-stack/target/local-stack.jar");
        for (String service : SERVICES) {
            Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build with `mvn -DskipTests package` first");
            }
        }
        try {
            Path dataDir = Files.createTempDirectory(root.resolve("system-tests/target"), "stack-");
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String name : List.of(
                    "postgres",
                    "kafka",
                    "kafka-controller",
                    ASN,
                    PEERING,
                    CONNECTION,
                    REGISTRATION,
                    GATEWAY,
                    CONSOLE)) {
                ports.put(name, freePort());
            }
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-jar",
                    launcherJar.toString(),
                    "up",
                    "--root",
                    root.toString(),
                    "--data-dir",
                    dataDir.toString()));
            command.addAll(shape);
            ports.forEach((name, port) -> {
                command.add("--" + name + "-port");
                command.add(port.toString());
            });
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(SHORT_DELAYS);
            // CI starts from a clean clone, where no class data sharing archive exists to use, and recording
            // one would only slow the final stop down (CONTRIBUTING, "Start time and memory").
            builder.environment().put("STACK_CLASS_DATA_SHARING", "off");
            builder.environment().putAll(environment);
            Stack started = new Stack(builder.start(), dataDir, ports);
            started.awaitReady();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            output.add(line);
                            if (line.startsWith("All ready")) {
                                ready.complete(line);
                            } else if (line.startsWith("Ready in") || line.contains("failed")) {
                                ready.completeExceptionally(new IllegalStateException(line));
                            }
                        }
                        ready.completeExceptionally(new IllegalStateException("the launcher ended"));
                    } catch (IOException e) {
                        ready.completeExceptionally(e);
                    }
                },
                "stack-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(240, TimeUnit.SECONDS);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("the stack did not start: " + String.join("\n", output), e);
        }
    }

    public String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    /** Each instance of {@code service}: instance n listens 100 ports above the first (the launcher's rule). */
    public List<String> instanceUrls(String service) {
        int instances = Integer.parseInt(System.getProperty("system.instances", "2"));
        List<String> urls = new ArrayList<>();
        for (int n = 0; n < instances; n++) {
            urls.add("http://localhost:" + (ports.get(service) + 100 * n));
        }
        return urls;
    }

    /** The client settings of the stack's Kafka super user, as the launcher wrote them. */
    public KafkaClientSettings kafka() {
        return kafkaClient(ADMIN_PRINCIPAL);
    }

    /**
     * The client settings of {@code principal} (a service's module name, {@code watch} or {@code admin}) from
     * the data folder: SASL_SSL, SCRAM-SHA-512, the stack's trust store; on a plaintext stack, the address alone.
     */
    public KafkaClientSettings kafkaClient(String principal) {
        Path file = dataDir.resolve("kafka-security/clients").resolve(principal + ".properties");
        if (!Files.isDirectory(dataDir.resolve("kafka-security"))) {
            // a plaintext stack of a test's own: no principals, only the broker's address
            return KafkaClientSettings.of(
                    Map.of(KafkaClientSettings.BOOTSTRAP_SERVERS, "localhost:" + ports.get("kafka")));
        }
        try {
            return KafkaClientSettings.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    /** What the launcher printed so far. */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** "Bearer ..." for a peer of these subscriptions, signed with the stack's key as ./stack token does. */
    public String peerToken(String... subscriptions) {
        return "Bearer " + Tokens.mint(key(), "system-test", List.of(subscriptions), Tokens.PEER, Duration.ofHours(1));
    }

    public String operatorToken() {
        return "Bearer " + Tokens.mint(key(), "system-test-noc", List.of(), Tokens.OPERATOR, Duration.ofHours(1));
    }

    private synchronized PrivateKey key() {
        if (signingKey == null) {
            try {
                signingKey = Tokens.readPrivateKey(dataDir.resolve("keys").resolve(Tokens.PRIVATE_KEY_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return signingKey;
    }

    /** Stops everything as Ctrl-C does. */
    public void stop() {
        if (launcher.isAlive()) {
            launcher.destroy();
            try {
                if (!launcher.waitFor(120, TimeUnit.SECONDS)) {
                    launcher.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("local-stack/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run the system tests inside the repository");
        }
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
