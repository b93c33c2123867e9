package dev.peering.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line of {@code ./bench}; every option has a default that makes the standard run. */
public record BenchOptions(
        Path root,
        Path dataDir,
        Path outDir,
        List<Double> rates,
        Duration duration,
        int closedConcurrency,
        int idleWorkflows,
        List<Integer> peeringLevels,
        int getRate,
        int putRate,
        Duration restDuration,
        Duration workflowTimeout,
        Map<String, Integer> ports,
        boolean useStackScript,
        boolean skipLimits,
        String command) {

    public static final String USAGE =
            """
            Usage: ./bench [options]
              --rates 5,20,50          open-loop arrival rates, workflows per second
              --duration 30s           how long each rate (and the closed loop) issues workflows
              --closed-concurrency 64  workflows in flight in the closed loop (0: no closed loop)
              --idle-workflows 5       workflows run one after another on the idle stack
              --peerings 1000,10000,100000   stored peerings for the GET/list runs (0 or none: skip)
              --get-rate 500           GET and list requests per second
              --put-rate 50            PUT requests per second
              --rest-duration 10s      how long each GET, list and PUT run lasts
              --workflow-timeout 300s  a workflow that is not done by then counts as failed
              --data-dir DIR           the benchmark stack's data folder (default bench/target/stack-data; wiped)
              --out DIR                where results go (default docs/bench)
              --NAME-port N            the stack's ports, NAME: postgres 25432, kafka 29092,
                                       kafka-controller 29093, asn-validation-service 28081,
                                       peering-service 28082, connection-service 28083, registration-service 28084,
                                       gateway 28080, console 28090
              --stack-script           start the stack with ./stack up (rebuilds stale artifacts) rather
                                       than its launcher jar (never rebuilds)
              --skip-limits            do not measure the Kafka and PostgreSQL limits
              --command TEXT           the command line to record in the results (./bench passes it)
            Durations: 30s, 2m, 500ms or ISO-8601 (PT30S).
            """;

    public static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("postgres", 25432);
        ports.put("kafka", 29092);
        ports.put("kafka-controller", 29093);
        ports.put("asn-validation-service", 28081);
        ports.put("peering-service", 28082);
        ports.put("connection-service", 28083);
        ports.put("registration-service", 28084);
        // the launcher starts the gateway too; off the default 8080, so the benchmark runs beside ./stack up
        ports.put("gateway", 28080);
        // and the console, off its default 8090 for the same reason
        ports.put("console", 28090);
        return ports;
    }

    public static BenchOptions parse(String[] args, Path root) {
        Path dataDir = root.resolve("bench/target/stack-data");
        Path outDir = root.resolve("docs/bench");
        List<Double> rates = List.of(5.0, 20.0, 50.0);
        Duration duration = Duration.ofSeconds(30);
        int closed = 64;
        int idle = 5;
        List<Integer> peerings = List.of(1_000, 10_000, 100_000);
        int getRate = 500;
        int putRate = 50;
        Duration restDuration = Duration.ofSeconds(10);
        Duration workflowTimeout = Duration.ofSeconds(300);
        Map<String, Integer> ports = defaultPorts();
        boolean script = false;
        boolean skipLimits = false;
        String command = "./bench " + String.join(" ", args);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--rates" -> rates = doubles(value(args, ++i, arg));
                case "--duration" -> duration = duration(value(args, ++i, arg));
                case "--closed-concurrency" -> closed = Integer.parseInt(value(args, ++i, arg));
                case "--idle-workflows" -> idle = Integer.parseInt(value(args, ++i, arg));
                case "--peerings" -> peerings = ints(value(args, ++i, arg));
                case "--get-rate" -> getRate = Integer.parseInt(value(args, ++i, arg));
                case "--put-rate" -> putRate = Integer.parseInt(value(args, ++i, arg));
                case "--rest-duration" -> restDuration = duration(value(args, ++i, arg));
                case "--workflow-timeout" -> workflowTimeout = duration(value(args, ++i, arg));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--out" -> outDir = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--stack-script" -> script = true;
                case "--skip-limits" -> skipLimits = true;
                case "--command" -> command = value(args, ++i, arg).trim();
                default -> {
                    String name = arg.startsWith("--") && arg.endsWith("-port")
                            ? arg.substring(2, arg.length() - "-port".length())
                            : null;
                    if (name == null || !ports.containsKey(name)) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    ports.put(name, Integer.parseInt(value(args, ++i, arg)));
                }
            }
        }
        if (rates.stream().anyMatch(rate -> rate <= 0)) {
            throw new IllegalArgumentException("--rates must be positive");
        }
        return new BenchOptions(
                root,
                dataDir,
                outDir,
                rates,
                duration,
                closed,
                idle,
                peerings.stream().filter(n -> n > 0).sorted().toList(),
                getRate,
                putRate,
                restDuration,
                workflowTimeout,
                ports,
                script,
                skipLimits,
                command);
    }

    public int port(String name) {
        return ports.get(name);
    }

    public String url(String service) {
        return "http://127.0.0.1:" + port(service);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port("kafka");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port("postgres") + "/" + database;
    }

    /** 30s, 2m, 500ms, 1h or ISO-8601. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase();
        if (t.startsWith("pt")) {
            return Duration.parse(text.trim().toUpperCase());
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text);
        };
    }

    private static List<Double> doubles(String text) {
        List<Double> list = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                list.add(Double.parseDouble(part.trim()));
            }
        }
        return List.copyOf(list);
    }

    private static List<Integer> ints(String text) {
        List<Integer> list = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase();
            if (p.isEmpty() || p.equals("none")) {
                continue;
            }
            int factor = p.endsWith("k") ? 1000 : 1;
            list.add(Integer.parseInt(factor == 1 ? p : p.substring(0, p.length() - 1)) * factor);
        }
        return List.copyOf(list);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
