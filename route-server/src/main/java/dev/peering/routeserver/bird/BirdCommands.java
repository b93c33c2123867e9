package dev.peering.routeserver.bird;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /** Where Debian's bird2 puts the programs; /usr/sbin is not on every user's PATH. */
    private static final List<String> SEARCHED = List.of("/usr/sbin", "/usr/local/sbin", "/sbin");

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
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new CommandResult(127, "cannot run " + command.get(0) + ": " + e.getMessage());
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new CommandResult(124, String.join(" ", command) + " did not finish within " + timeout);
            }
            return new CommandResult(
                    process.exitValue(),
                    output.get(timeout.toMillis(), TimeUnit.MILLISECONDS).strip());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new CommandResult(130, "interrupted while running " + command.get(0));
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return new CommandResult(process.exitValue(), "output of " + command.get(0) + " unreadable: " + e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
