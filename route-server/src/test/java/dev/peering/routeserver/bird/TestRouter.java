package dev.peering.routeserver.bird;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A BIRD process a test starts on a configuration of its own: a fresh directory under target/ for the
 * configuration, log and pid file, its own control socket, in the foreground as a child of the test JVM, so
 * {@link #stop()} ends exactly this process.
 */
final class TestRouter {

    final BirdCommands bird;
    final Path dir;
    final Path config;
    final Path socket;
    private final Process process;

    private TestRouter(BirdCommands bird, Path dir, Path config, Path socket, Process process) {
        this.bird = bird;
        this.dir = dir;
        this.config = config;
        this.socket = socket;
        this.process = process;
    }

    /** A new directory for one router, under target/. */
    static Path newDirectory() throws IOException {
        return Files.createTempDirectory(
                Files.createDirectories(Path.of("target").toAbsolutePath()), "bird-");
    }

    /** Starts BIRD on {@code text} (written to {@code dir}/bird.conf) and waits until its socket answers. */
    static TestRouter start(BirdCommands bird, Path dir, String text) throws IOException {
        Path socket = dir.resolve("bird.ctl");
        if (socket.toString().length() > 100) {
            // A Unix socket path has at most 107 bytes; a deep checkout falls back to the temp directory.
            socket = Files.createTempDirectory("bird-").resolve("bird.ctl");
        }
        Path config = dir.resolve("bird.conf");
        Files.writeString(config, text, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(
                        bird.bird().toString(),
                        "-f",
                        "-c",
                        config.toString(),
                        "-s",
                        socket.toString(),
                        "-P",
                        dir.resolve("bird.pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("bird.out").toFile())
                .start();
        TestRouter router = new TestRouter(bird, dir, config, socket, process);
        Path answering = socket;
        await("BIRD's control socket at " + socket + " (see " + dir + "/bird.out)")
                .atMost(Duration.ofSeconds(15))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("BIRD ended: " + Files.readString(dir.resolve("bird.out")));
                    }
                    return bird.run(List.of(bird.birdc().toString(), "-s", answering.toString(), "show", "status"))
                            .succeeded();
                });
        return router;
    }

    /** {@code birdc -s socket <words>}, which must succeed. */
    String birdc(String... words) {
        List<String> command = new ArrayList<>(List.of(bird.birdc().toString(), "-s", socket.toString()));
        command.addAll(List.of(words));
        CommandResult result = bird.run(command);
        if (!result.succeeded()) {
            throw new IllegalStateException("birdc " + String.join(" ", words) + ": " + result.output());
        }
        return result.output();
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
