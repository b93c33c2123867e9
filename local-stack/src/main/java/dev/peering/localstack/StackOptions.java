package dev.peering.localstack;

import dev.peering.localinfra.KafkaBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command line of the launcher. Every port has a default, an environment variable
 * ({@code STACK_<NAME>_PORT}) and an option ({@code --<name>-port}), the option winning.
 */
record StackOptions(
        String command,
        Path root,
        Path dataDir,
        boolean wipe,
        boolean infraOnly,
        boolean kafkaSecured,
        int kafkaBrokers,
        int instances,
        boolean birdRouteServer,
        Map<String, Integer> ports,
        List<String> kafkaJavaOptions,
        List<String> serviceJavaOptions,
        boolean classDataSharing,
        List<String> rest) {

    static final String POSTGRES = "postgres";
    static final String KAFKA = "kafka";
    static final String KAFKA_CONTROLLER = "kafka-controller";

    /*
     * The C1 compiler alone halves the CPU a JVM spends starting (measured: 8 s to 4 s per
     * service), which is what a two-core laptop waits on; peak throughput does not matter here.
     * -Xms32m: without it the initial heap is the whole -Xmx (1/64 of this machine's memory is more),
     * and a service that needs 60 MB of heap after start kept ~58 MB more resident (268 against 210 MB).
     */
    static final String DEFAULT_KAFKA_JAVA_OPTS = String.join(" ", KafkaBroker.DEFAULT_JAVA_OPTIONS);
    static final String DEFAULT_SERVICE_JAVA_OPTS = "-Xmx256m -Xms32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    static final String USAGE =
            """
            Usage: local-stack [up|stop|status] [options]
              up (default)   start PostgreSQL, Kafka, the services, the gateway and the console in the foreground; Ctrl-C stops them
              stop           stop a stack started from the same data folder
              status         tell which processes of the stack are running
              token          print a bearer token: --subscriptions S1,S2 --role peer|operator [--hours N]
              keys           make the signing key pair in DATA/keys unless it exists (docker-compose's keys service)
              manifests      write the Kubernetes manifests (Strimzi topics and users, Deployments) to deploy/kubernetes
            Options:
              --wipe                 delete the data folder before starting
              --data-dir DIR         data folder (default ./.stack-data, env STACK_DATA_DIR)
              --root DIR             repository root holding the service modules (default .)
              --only infra           start only Kafka and PostgreSQL
              --kafka-security MODE  plaintext (default) or sasl_ssl: a SASL_SSL (SCRAM-SHA-512) listener,
                                     one principal per service and ACLs (env STACK_KAFKA_SECURITY);
                                     certificates and credentials in DATA/kafka-security/
              --brokers N            Kafka nodes, 1 (default) to 5 (env STACK_KAFKA_BROKERS); each topic is
                                     replicated min(N, 3) times with min.insync.replicas one less; node i
                                     listens on the kafka port + 2(i-1), its controller on the next port
              --instances N          instances of each service, 1 (default) to 3 (env STACK_INSTANCES); instance
                                     i > 1 is named SERVICE-i and listens on the service's port + 100(i-1);
                                     the gateway takes turns among them
              --route-server MODE    simulated (default) or bird: a real BIRD 2 route server on an emulated
                                     exchange LAN (network namespaces; needs root and bird2), with peer
                                     routers for the walkthrough's connections (env STACK_ROUTE_SERVER)
              --NAME-port N          port of NAME (env STACK_NAME_PORT), NAME one of:
                                     postgres (15432), kafka (9092), kafka-controller (9093),
                                     asn-validation-service (8081), peering-service (8082),
                                     connection-service (8083), registration-service (8084), gateway (8080),
                                     console (8090)
            Environment: STACK_KAFKA_JAVA_OPTS (default %s),
                         STACK_SERVICE_JAVA_OPTS (default %s),
                         STACK_CLASS_DATA_SHARING (on, the default: each service's first graceful stop
                         after a build records a class data sharing archive beside its jar, and later
                         starts use it; off: neither)
            """
                    .formatted(DEFAULT_KAFKA_JAVA_OPTS, DEFAULT_SERVICE_JAVA_OPTS);

    int port(String name) {
        return ports.get(name);
    }

    /** Where the stack keeps its token signing key pair. */
    Path keyDir() {
        return dataDir.resolve("keys");
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    static StackOptions parse(String[] args, Map<String, String> env) {
        Map<String, Integer> ports = defaultPorts();
        ports.replaceAll((name, port) -> {
            String value = env.get("STACK_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT");
            return value == null ? port : parsePort(name, value);
        });
        String command = "up";
        Path root = Path.of("");
        Path dataDir = Path.of(env.getOrDefault("STACK_DATA_DIR", ".stack-data"));
        boolean wipe = false;
        boolean infraOnly = false;
        boolean kafkaSecured = kafkaSecurity(env.getOrDefault("STACK_KAFKA_SECURITY", "plaintext"));
        int kafkaBrokers = brokers(env.getOrDefault("STACK_KAFKA_BROKERS", "1"));
        int instances = instances(env.getOrDefault("STACK_INSTANCES", "1"));
        boolean bird = routeServer(env.getOrDefault("STACK_ROUTE_SERVER", "simulated"));
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (command.equals("token") && !arg.equals("--data-dir")) {
                // the token command reads its own options
                rest.add(arg);
                continue;
            }
            switch (arg) {
                case "up", "stop", "status", "token", "keys", "manifests" -> command = arg;
                case "--wipe" -> wipe = true;
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--root" -> root = Path.of(value(args, ++i, arg));
                case "--only" -> {
                    String only = value(args, ++i, arg);
                    if (!only.equals("infra")) {
                        throw new IllegalArgumentException("--only takes 'infra', not '" + only + "'");
                    }
                    infraOnly = true;
                }
                case "--kafka-security" -> kafkaSecured = kafkaSecurity(value(args, ++i, arg));
                case "--brokers" -> kafkaBrokers = brokers(value(args, ++i, arg));
                case "--instances" -> instances = instances(value(args, ++i, arg));
                case "--route-server" -> bird = routeServer(value(args, ++i, arg));
                case "-h", "--help" -> command = "help";
                default -> {
                    String name = arg.startsWith("--") && arg.endsWith("-port")
                            ? arg.substring(2, arg.length() - "-port".length())
                            : null;
                    if (name == null || !ports.containsKey(name)) {
                        throw new IllegalArgumentException("Unknown option: " + arg);
                    }
                    ports.put(name, parsePort(name, value(args, ++i, arg)));
                }
            }
        }
        return new StackOptions(
                command,
                root.toAbsolutePath().normalize(),
                dataDir.toAbsolutePath().normalize(),
                wipe,
                infraOnly,
                kafkaSecured,
                kafkaBrokers,
                instances,
                bird,
                ports,
                javaOptions(env, "STACK_KAFKA_JAVA_OPTS", DEFAULT_KAFKA_JAVA_OPTS),
                javaOptions(env, "STACK_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS),
                !"off".equalsIgnoreCase(env.getOrDefault("STACK_CLASS_DATA_SHARING", "on")),
                List.copyOf(rest));
    }

    /** The port of Kafka node {@code node} (from 1): the kafka port, then every second port after it. */
    int kafkaPort(int node) {
        return port(KAFKA) + 2 * (node - 1);
    }

    /** The controller port of Kafka node {@code node} (from 1). */
    int kafkaControllerPort(int node) {
        return node == 1 ? port(KAFKA_CONTROLLER) : port(KAFKA) + 2 * (node - 1) + 1;
    }

    private static boolean routeServer(String mode) {
        return switch (mode.trim()) {
            case "simulated" -> false;
            case "bird" -> true;
            default -> throw new IllegalArgumentException("--route-server takes simulated or bird, not '" + mode + "'");
        };
    }

    private static int brokers(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= 5) {
                return n;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException("--brokers takes a number of Kafka nodes from 1 to 5, not '" + value + "'");
    }

    private static int instances(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= 3) {
                return n;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException("--instances takes a number from 1 to 3, not '" + value + "'");
    }

    private static boolean kafkaSecurity(String mode) {
        return switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "plaintext" -> false;
            case "sasl_ssl" -> true;
            default -> throw new IllegalArgumentException(
                    "--kafka-security takes 'plaintext' or 'sasl_ssl', not '" + mode + "'");
        };
    }

    private static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(POSTGRES, 15432);
        ports.put(KAFKA, 9092);
        ports.put(KAFKA_CONTROLLER, 9093);
        ServiceSpec.ALL.forEach(service -> ports.put(service.module(), service.defaultPort()));
        ports.put(ServiceSpec.GATEWAY.module(), ServiceSpec.GATEWAY.defaultPort());
        ports.put(ServiceSpec.CONSOLE.module(), ServiceSpec.CONSOLE.defaultPort());
        return ports;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(String name, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Port of " + name + " is not a port number: " + value);
        }
    }

    private static List<String> javaOptions(Map<String, String> env, String variable, String defaults) {
        String value = env.getOrDefault(variable, defaults).trim();
        return value.isEmpty() ? List.of() : new ArrayList<>(List.of(value.split("\\s+")));
    }
}
