package dev.peering.routeserver.bird;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The two BIRD programs as this module calls them: {@code bird -p} to check a file, {@code birdc -s} to
 * talk to a running router. Each call has a time limit, so a hung router cannot hang the caller.
 */
public final class BirdCommands {

    /** Where Debian puts the programs (bird2, iproute2, iputils-ping, traceroute); /usr/sbin is not on every PATH. */
    private static final List<String> SEARCHED = List.of("/usr/sbin", "/usr/local/sbin", "/sbin", "/usr/bin", "/bin");

    private final Path bird;
    private final Path birdc;
    private final Duration timeout;

    public BirdCommands(Path bird, Path birdc, Duration timeout) {
        this.bird = bird;
        this.birdc = birdc;
        this.timeout = timeout;
    }

    /** The installed programs (PATH, then /usr/sbin and friends), if both are there. */
    public static Optional<BirdCommands> installed() {
        return find("bird")
                .flatMap(bird -> find("birdc").map(birdc -> new BirdCommands(bird, birdc, Duration.ofSeconds(20))));
    }

    public Path bird() {
        return bird;
    }

    public Path birdc() {
        return birdc;
    }

    /** {@code bird -p -c file}: whether BIRD would accept the file, and its message when it would not. */
    public CommandResult check(Path config) {
        return run(List.of(bird.toString(), "-p", "-c", config.toString()));
    }

    /** {@code birdc -s socket configure}: makes the router read its configuration file again. */
    public CommandResult configure(Path socket) {
        return run(List.of(birdc.toString(), "-s", socket.toString(), "configure"));
    }

    /** {@code birdc -s socket show protocols all}. */
    public CommandResult showProtocolsAll(Path socket) {
        return run(List.of(birdc.toString(), "-s", socket.toString(), "show", "protocols", "all"));
    }

    /** {@code birdc -s socket show route protocol <name> all}: the routes that protocol imported. */
    public CommandResult showRoutesAll(Path socket, String protocol) {
        return run(List.of(birdc.toString(), "-s", socket.toString(), "show", "route", "protocol", protocol, "all"));
    }

    /** Runs one command with this instance's time limit; a command that outlives it is killed and reported. */
    public CommandResult run(List<String> command) {
        return run(command, timeout, Integer.MAX_VALUE);
    }

    /**
     * Runs one command with its own time limit and at most {@code maxBytes} of its output kept (the rest is
     * read and dropped, and the cut said at the end). A command that outlives {@code limit} is killed; what
     * it printed until then is kept, with the kill said at the end (exit code 124).
     */
    public CommandResult run(List<String> command, Duration limit, int maxBytes) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new CommandResult(127, "cannot run " + command.get(0) + ": " + e.getMessage());
        }
        CompletableFuture<String> output =
                CompletableFuture.supplyAsync(() -> readAtMost(process.getInputStream(), maxBytes));
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                String partial = "";
                try {
                    partial = output.get(5, TimeUnit.SECONDS).strip() + "\n";
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    // a grandchild may hold the pipe open: report the kill without the partial output
                }
                return new CommandResult(124, partial + String.join(" ", command) + " did not finish within " + limit);
            }
            return new CommandResult(
                    process.exitValue(),
                    output.get(limit.toMillis(), TimeUnit.MILLISECONDS).strip());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new CommandResult(130, "interrupted while running " + command.get(0));
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return new CommandResult(process.exitValue(), "output of " + command.get(0) + " unreadable: " + e);
        }
    }

    private static String readAtMost(InputStream in, int maxBytes) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long dropped = 0;
        byte[] chunk = new byte[8192];
        // the rest is read, not left in the pipe: a writer blocked on a full pipe would never end
        try (in) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                int keep = Math.max(0, Math.min(n, maxBytes - kept.size()));
                kept.write(chunk, 0, keep);
                dropped += n - keep;
            }
        } catch (IOException closedUnderTheReader) {
            // the JDK closes the pipe of a killed process under its reader: what was read until then stands
        }
        String text = kept.toString(StandardCharsets.UTF_8);
        return dropped == 0 ? text : text + "\n[output cut at " + maxBytes + " bytes]";
    }

    /** A program as Debian installs it: on the PATH, or in /usr/sbin and friends. */
    public static Optional<Path> program(String program) {
        return find(program);
    }

    private static Optional<Path> find(String program) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(java.io.File.pathSeparator)));
        }
        dirs.addAll(SEARCHED);
        return dirs.stream()
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
