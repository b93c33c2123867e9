package dev.peering.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the report says about the run itself: the machine, how busy it was, the commit, the options. */
final class RunDescription {

    private RunDescription() {}

    static void describe(Report report, BenchOptions options, Instant baseInstant) {
        Map<String, Object> meta = report.meta();
        meta.put(
                "date",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        baseInstant.atOffset(ZoneOffset.UTC).withNano(0)));
        meta.put("command", options.command());
        meta.put("nproc", Runtime.getRuntime().availableProcessors());
        String memory = memTotal();
        meta.put("memory", memory);
        meta.put("loadAverageAtStart", loadAverage());
        meta.put("cpu", cpuModel());
        meta.put(
                "machine",
                Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), " + memory + " RAM, "
                        + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                        + System.getProperty("java.version"));
        meta.put(
                "commit",
                git(options, "rev-parse", "HEAD")
                        + (git(options, "status", "--porcelain").isBlank()
                                ? ""
                                : " (working tree with uncommitted changes)"));
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("rates", options.rates());
        opts.put("durationSeconds", options.duration().toSeconds());
        opts.put("closedConcurrency", options.closedConcurrency());
        opts.put("idleWorkflows", options.idleWorkflows());
        opts.put("peerings", options.peeringLevels());
        opts.put("getRate", options.getRate());
        opts.put("putRate", options.putRate());
        opts.put("restDurationSeconds", options.restDuration().toSeconds());
        opts.put("workflowTimeoutSeconds", options.workflowTimeout().toSeconds());
        opts.put("ports", options.ports());
        meta.put("options", opts);
    }

    /** /proc/loadavg's first three fields: the machine is shared, and this says how busy it was. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The services' logs say when a poll interval below 1 s was not honoured. */
    static void schedulerNote(Report report, BenchOptions options) {
        List<String> slowed = new ArrayList<>();
        for (String service : StackRunner.SERVICES) {
            Path log = options.dataDir().resolve("logs").resolve(service + ".log");
            try {
                if (Files.exists(log)
                        && Files.readString(log).contains("An every() value less than 1000 ms is not supported")) {
                    slowed.add(service);
                }
            } catch (IOException e) {
                // no log, no note
            }
        }
        if (!slowed.isEmpty()) {
            report.note(
                    "The stack was asked for 200 ms poll intervals, but Quarkus' simple scheduler runs every() values"
                            + " below 1 s at 1 s and says so in the log of " + String.join(", ", slowed)
                            + " (\"An every() value less than 1000 ms is not supported\"): each scheduler-driven step can wait up to 1 s.");
        }
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Report.number(kb / 1024.0 / 1024.0) + " GiB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "?";
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "?";
    }

    private static String git(BenchOptions options, String... args) {
        try {
            List<String> command =
                    new ArrayList<>(List.of("git", "-C", options.root().toString()));
            command.addAll(List.of(args));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 ? out : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
