package dev.peering.localinfra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child process that can be started, killed, stopped and frozen, and started again, always with the
 * same command line, environment, settings and log file; its output and errors go to the end of the log.
 */
public final class ChildProcess {

    private static final boolean SETSID_AVAILABLE = onPath("setsid");

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final ProcessSettings settings;
    private volatile Process process;

    public ChildProcess(
            String name, List<String> command, Map<String, String> environment, Path log, ProcessSettings settings) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.settings = settings;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** Starts the process; refuses while it still runs from an earlier start. */
    public synchronized Process start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        Files.createDirectories(log.getParent());
        if (settings.startBanner() != null) {
            Files.writeString(
                    log,
                    System.lineSeparator() + "==== " + settings.startBanner() + ": starting " + name
                            + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        List<String> fullCommand = new ArrayList<>();
        if (settings.ownSession() && SETSID_AVAILABLE) {
            fullCommand.add("setsid");
        }
        fullCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (settings.workDir() != null) {
            builder.directory(settings.workDir().toFile());
        }
        builder.environment().putAll(environment);
        process = builder.start();
        return process;
    }

    /** The process of the last start. */
    public Process process() {
        Process current = process;
        if (current == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return current;
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    public long pid() {
        return process().pid();
    }

    /** Waits up to {@code timeout} for the process to end; true when it has. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for a process that ends by itself (a tool), killing it after {@code timeout}; true on exit code 0. */
    public boolean awaitSuccess(Duration timeout) throws InterruptedException {
        Process current = process();
        if (!current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            return false;
        }
        return current.exitValue() == 0;
    }

    /** SIGKILL: no shutdown hook runs, nothing is drained, as in a crash. */
    public void kill() throws InterruptedException {
        Process current = process;
        if (current != null && current.isAlive()) {
            current.destroyForcibly();
            current.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, then SIGKILL if the process has not ended within {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        current.destroy();
        if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    /** SIGSTOP: the process keeps its sockets but answers nothing, like a long GC pause or a frozen VM. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP", pid());
    }

    /** SIGCONT, after {@link #freeze()}. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT", pid());
    }

    /** Sends {@code kill -<signal>} to any process, child of this JVM or not. */
    public static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .redirectErrorStream(true)
                .start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + pid + " failed: "
                    + new String(kill.getInputStream().readAllBytes()));
        }
    }

    /** The java command of this JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The last lines of the log, to say why the process did not come up. */
    public String tail(int lines) {
        return tail(log, lines);
    }

    /** The last lines of a log, to show why a process failed without sending the user hunting. */
    public static String tail(Path log, int lines) {
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
