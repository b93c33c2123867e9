package dev.peering.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The launcher's commands on a stack it need not have started: {@code stop} and {@code status} read
 * the data folder's pid file; {@code --wipe} deletes the data folder. Stopping goes in one order:
 * services first, then Kafka, then PostgreSQL, so no service sees its infrastructure vanish.
 */
final class StackControl {

    static final Duration KAFKA_STOP_GRACE = Duration.ofSeconds(30);
    static final Duration POSTGRES_STOP_GRACE = Duration.ofSeconds(30);
    static final Duration LAUNCHER_STOP_GRACE = Duration.ofSeconds(90);

    private StackControl() {}

    /** {@code stop}: asks the launcher to stop its stack, or stops its leftovers if it is gone. */
    static int stop(StackOptions options) {
        PidFile pidFile = new PidFile(options.dataDir());
        List<PidFile.Entry> entries = pidFile.read();
        if (entries.isEmpty()) {
            System.out.println("No stack is running from " + options.dataDir() + ".");
            return 0;
        }
        entries.stream()
                .filter(entry -> entry.name().equals(PidFile.LAUNCHER))
                .flatMap(entry -> entry.liveProcess(options.dataDir()).stream())
                .findFirst()
                .ifPresent(launcher -> {
                    System.out.println("Stopping the stack (launcher pid " + launcher.pid() + ")...");
                    Processes.stopAll(List.of(launcher), LAUNCHER_STOP_GRACE);
                });
        stopInOrder(entries, options.dataDir(), "Stopping: ");
        pidFile.delete();
        System.out.println("Stopped.");
        return 0;
    }

    /** Stops the processes of the entries that still run: services, then Kafka, then PostgreSQL. */
    static void stopInOrder(List<PidFile.Entry> entries, Path dataDir, String message) {
        List<PidFile.Entry> live = entries.stream()
                .filter(entry -> !entry.name().equals(PidFile.LAUNCHER))
                .filter(entry -> entry.liveProcess(dataDir).isPresent())
                .sorted(Comparator.comparingInt(StackControl::stopRank))
                .toList();
        if (live.isEmpty()) {
            return;
        }
        System.out.println(message
                + String.join(", ", live.stream().map(PidFile.Entry::name).toList()));
        for (int rank = 0; rank <= 2; rank++) {
            int current = rank;
            List<ProcessHandle> handles = live.stream()
                    .filter(entry -> stopRank(entry) == current)
                    .flatMap(entry -> entry.liveProcess(dataDir).stream())
                    .toList();
            Processes.stopAll(handles, current == 2 ? POSTGRES_STOP_GRACE : KAFKA_STOP_GRACE);
        }
    }

    private static int stopRank(PidFile.Entry entry) {
        if (entry.name().equals(StackOptions.KAFKA) || entry.name().matches("kafka-\\d+")) {
            return 1; // node 1 is "kafka", node i > 1 "kafka-i"
        }
        return entry.name().equals(StackOptions.POSTGRES) ? 2 : 0;
    }

    static int status(StackOptions options) {
        List<PidFile.Entry> entries = new PidFile(options.dataDir()).read();
        if (entries.isEmpty()) {
            System.out.println("No stack is running from " + options.dataDir() + ".");
            return 0;
        }
        boolean allUp = true;
        for (PidFile.Entry entry : entries) {
            boolean running = entry.liveProcess(options.dataDir()).isPresent();
            allUp &= running;
            System.out.printf(
                    "%-24s pid %-8d %-8s %s%n", entry.name(), entry.pid(), running ? "running" : "gone", entry.where());
        }
        return allUp ? 0 : 3;
    }

    /** Deletes the data folder, refusing anything that does not look like one. */
    static void wipe(Path dataDir, Path root) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (root.startsWith(dataDir)) {
            throw new IllegalStateException("refusing to wipe " + dataDir + ": it holds the repository");
        }
        try (Stream<Path> children = Files.list(dataDir)) {
            List<String> unknown = children.map(path -> path.getFileName().toString())
                    .filter(name ->
                            !List.of("postgres", "kafka", "kafka-security", "logs", "config", "keys", "stack.pid")
                                            .contains(name)
                                    && !name.matches("kafka-\\d+"))
                    .toList();
            if (!unknown.isEmpty()) {
                throw new IllegalStateException(
                        "refusing to wipe " + dataDir + ": it holds " + unknown + ", which the stack did not write");
            }
        }
        System.out.println("Wiping " + dataDir);
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
