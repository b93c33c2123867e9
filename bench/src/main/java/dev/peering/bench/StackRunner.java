package dev.peering.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's own stack: the local stack's launcher ({@code ./stack up}'s logic) as a child process,
 * on the benchmark's ports and data folder, wiped, with every workflow delay at zero and the pollers at
 * 200 ms. Stopping it (SIGTERM) lets the launcher stop the services, then Kafka, then PostgreSQL.
 */
public final class StackRunner implements AutoCloseable {

    /** The four services of the stack, and the database of each. */
    static final List<String> SERVICES =
            List.of("asn-validation-service", "peering-service", "connection-service", "registration-service");

    static final Map<String, String> DATABASES = Map.of(
            "asn-validation-service", "asn_validation",
            "peering-service", "peering",
            "connection-service", "connection",
            "registration-service", "registration");

    private static final Pattern ALL_READY = Pattern.compile("All ready in ([0-9.]+) s");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);

    /**
     * The real configuration keys (application.properties of each service, platform's outbox relay) as
     * environment variables; the {@code _LOCAL_} forms override the {@code %local} profile's values,
     * which a plain variable would not.
     */
    static Map<String, String> zeroDelayEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("PEERING_ASN_APPROVAL_DELAY", "PT0S");
        keys.put("PEERING_CONNECTION_STEP_DELAY", "PT0S");
        keys.put("PEERING_CONNECTION_SESSION_STEP_DELAY", "PT0S");
        keys.put("PEERING_REGISTRATION_PREFIX_VALIDATION_DELAY", "PT0S");
        keys.put("PEERING_ASN_APPROVAL_POLL_INTERVAL", "200ms");
        keys.put("PEERING_CONNECTION_POLL_INTERVAL", "200ms");
        keys.put("PEERING_REGISTRATION_PREFIX_VALIDATION_POLL_INTERVAL", "200ms");
        keys.put("PEERING_OUTBOX_POLL_INTERVAL", "200ms");
        keys.forEach((key, value) -> {
            env.put(key, value);
            env.put("_LOCAL_" + key, value);
        });
        return env;
    }

    private final BenchOptions options;
    private final List<String> lastLines = new ArrayList<>();
    private final CompletableFuture<Double> ready = new CompletableFuture<>();
    private Process process;
    private double readySecondsByLauncher;
    private double readySecondsMeasured;
    private volatile boolean stopping;

    public StackRunner(BenchOptions options) {
        this.options = options;
    }

    public List<String> command() {
        List<String> command = new ArrayList<>();
        if (options.useStackScript()) {
            command.add(options.root().resolve("stack").toString());
        } else {
            // What ./stack up runs after its build check, without the check: nothing is rebuilt.
            command.addAll(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    options.root().resolve("local-stack/target/local-stack.jar").toString()));
        }
        command.addAll(List.of(
                "up",
                "--root",
                options.root().toString(),
                "--wipe",
                "--data-dir",
                options.dataDir().toString()));
        options.ports().forEach((name, port) -> {
            command.add("--" + name + "-port");
            command.add(String.valueOf(port));
        });
        return command;
    }

    /** Starts the stack and waits for its "All ready" line; throws when it does not come. */
    public void start() throws Exception {
        Files.createDirectories(options.dataDir().getParent());
        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(options.root().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(zeroDelayEnvironment());
        long startedAt = System.currentTimeMillis();
        // The launcher prints its time to ready from this moment, as ./stack does from its own start.
        builder.environment().put("STACK_STARTED_AT_MS", String.valueOf(startedAt));
        long startedNanos = System.nanoTime();
        process = builder.start();
        Thread reader = new Thread(() -> read(startedNanos), "stack-output");
        reader.setDaemon(true);
        reader.start();
        process.onExit()
                .thenRun(() -> ready.completeExceptionally(new IllegalStateException("the stack exited (code "
                        + process.exitValue() + ") before it was ready:\n" + String.join("\n", tail()))));
        try {
            ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private void read(long startedNanos) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.add(line);
                    if (lastLines.size() > 40) {
                        lastLines.remove(0);
                    }
                }
                if (!stopping || line.contains("exited")) {
                    System.out.println("[stack] " + line);
                }
                Matcher all = ALL_READY.matcher(line);
                if (all.find()) {
                    readySecondsByLauncher = Double.parseDouble(all.group(1));
                    readySecondsMeasured = (System.nanoTime() - startedNanos) / 1e9;
                    ready.complete(readySecondsByLauncher);
                } else if (line.startsWith("Ready in ")) {
                    ready.completeExceptionally(new IllegalStateException("the stack started only in part: " + line
                            + "\nA service jar may be mid-rebuild: try again in a few minutes."));
                }
            }
        } catch (IOException e) {
            // the stack stopped
        }
    }

    private List<String> tail() {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    /** Seconds from the launcher's start to "All ready", as the launcher printed them. */
    public double readySeconds() {
        return readySecondsByLauncher;
    }

    /** The same measured by the benchmark from the moment it started the process. */
    public double readySecondsMeasured() {
        return readySecondsMeasured;
    }

    public long launcherPid() {
        return process.pid();
    }

    /** {@code <data-dir>/stack.pid}: one line per process, {@code name pid where}. */
    public Map<String, Long> pids() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        Path file = options.dataDir().resolve("stack.pid");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split(" ", 3);
                if (parts.length >= 2) {
                    pids.put(parts[0], Long.parseLong(parts[1]));
                }
            }
        }
        return pids;
    }

    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        stopping = true;
        System.out.println("[bench] stopping the stack");
        process.destroy();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                // The launcher's own stop finds what a killed launcher left behind.
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-jar",
                                options.root()
                                        .resolve("local-stack/target/local-stack.jar")
                                        .toString(),
                                "stop",
                                "--data-dir",
                                options.dataDir().toString())
                        .inheritIO()
                        .start()
                        .waitFor(120, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            System.err.println("[bench] stopping the stack: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
