package dev.peering.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting and stopping the processes of the stack. */
final class Processes {

    /**
     * Children run in a session of their own, so that Ctrl-C in the terminal reaches only the
     * launcher, which then stops them in order (services before Kafka before PostgreSQL) instead of
     * all at once. setsid execs in place, so the pid we get is the child's own.
     */
    private static final boolean SETSID_AVAILABLE = onPath("setsid");

    private Processes() {}

    /** Starts a process whose output goes to the end of {@code log}. */
    static Process start(List<String> command, Map<String, String> environment, Path workDir, Path log)
            throws IOException {
        List<String> fullCommand = new ArrayList<>();
        if (SETSID_AVAILABLE) {
            fullCommand.add("setsid");
        }
        fullCommand.addAll(command);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        return builder.start();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Asks every process to end (SIGTERM), waits up to {@code grace} for all, then kills the rest. */
    static void stopAll(List<ProcessHandle> handles, Duration grace) {
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : handles) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!awaitExit(handle, left)) {
                System.out.printf("  pid %d did not stop within %d s, killing it%n", handle.pid(), grace.toSeconds());
                handle.destroyForcibly();
                awaitExit(handle, TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    private static boolean awaitExit(ProcessHandle handle, long nanos) {
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        }
    }

    /** The last lines of a log, to show why a process failed without sending the user hunting. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static boolean onPath(String program) {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            return false;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
