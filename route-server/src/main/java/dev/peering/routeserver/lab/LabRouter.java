package dev.peering.routeserver.lab;

import dev.peering.routeserver.bird.BirdCommands;
import dev.peering.routeserver.bird.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One BIRD of an {@link ExchangeLan}, running in its network namespace in the foreground as a child of
 * this JVM (so {@link #stop()} ends exactly this process); its configuration, log, pid file and control
 * socket are in its own directory. {@code birdc} reaches it through the socket file from any namespace.
 */
public final class LabRouter {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final BirdCommands bird;
    private final String namespace;
    private final Path config;
    private final Path socket;
    private final Path output;
    private final Process process;

    private LabRouter(BirdCommands bird, String namespace, Path config, Path socket, Path output, Process process) {
        this.bird = bird;
        this.namespace = namespace;
        this.config = config;
        this.socket = socket;
        this.output = output;
        this.process = process;
    }

    static LabRouter start(BirdCommands bird, String namespace, Path dir, String text) {
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("bird.conf");
            Path socket = dir.resolve("bird.ctl");
            Path output = dir.resolve("bird.out");
            Files.writeString(config, text, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(
                            ExchangeLan.ipProgram(),
                            "netns",
                            "exec",
                            namespace,
                            bird.bird().toString(),
                            "-f",
                            "-c",
                            config.toString(),
                            "-s",
                            socket.toString(),
                            "-P",
                            dir.resolve("bird.pid").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            LabRouter router = new LabRouter(bird, namespace, config, socket, output, process);
            router.awaitSocket();
            return router;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start BIRD in " + namespace, e);
        }
    }

    // A poll of the control socket, bounded by START_TIMEOUT: BIRD gives no other sign that it is ready.
    private void awaitSocket() throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("BIRD in " + namespace + " ended: " + Files.readString(output));
            }
            if (Files.exists(socket) && birdcResult("show", "status").succeeded()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                stop();
                throw new IllegalStateException("BIRD in " + namespace + " did not answer on " + socket + " within "
                        + START_TIMEOUT + ": " + Files.readString(output));
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("interrupted while starting BIRD in " + namespace, e);
            }
        }
    }

    public String namespace() {
        return namespace;
    }

    /** The file BIRD was started with ({@code bird -c}): the one a configuration applier rewrites. */
    public Path config() {
        return config;
    }

    public Path socket() {
        return socket;
    }

    public BirdCommands commands() {
        return bird;
    }

    /** {@code birdc -s socket <words>}, which must succeed. */
    public String birdc(String... words) {
        CommandResult result = birdcResult(words);
        if (!result.succeeded()) {
            throw new IllegalStateException("birdc " + String.join(" ", words) + ": " + result.output());
        }
        return result.output();
    }

    /** Rewrites this router's configuration and makes it read it ({@code birdc configure}). */
    public String reconfigure(String text) {
        try {
            Files.writeString(config, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return birdc("configure");
    }

    /** Runs {@code command} inside this router's namespace (ping, traceroute), with BIRD's time limit. */
    public CommandResult exec(List<String> command) {
        List<String> full = new ArrayList<>(List.of(ExchangeLan.ipProgram(), "netns", "exec", namespace));
        full.addAll(command);
        return bird.run(full);
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private CommandResult birdcResult(String... words) {
        List<String> command = new ArrayList<>(List.of(bird.birdc().toString(), "-s", socket.toString()));
        command.addAll(List.of(words));
        return bird.run(command);
    }
}
