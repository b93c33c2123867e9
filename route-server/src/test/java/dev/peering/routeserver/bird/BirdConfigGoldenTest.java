package dev.peering.routeserver.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.routeserver.domain.RouteServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each configuration feature, generated and compared with its golden file in src/test/resources/golden,
 * then fed to {@code bird -p}. After an intended change of the output, rewrite the golden files with
 * {@code -Dgolden.update=true} and read their diff.
 */
class BirdConfigGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path CHECKED = Path.of("target/golden-check");

    private final BirdConfigGenerator generator = new BirdConfigGenerator();

    static Stream<String> cases() {
        return CASES.keySet().stream();
    }

    private static final Map<String, Supplier<RouteServer>> CASES = new TreeMap<>(Map.of(
            "walkthrough", RouteServers::walkthrough,
            "passive-md5-disable", RouteServers::passiveMd5Disable,
            "lenient-block", RouteServers::lenient,
            "rpki-cache-warn", RouteServers::rpkiCache,
            "registered-static-roas", RouteServers::registeredAndStaticRoas,
            "empty", RouteServers::empty));

    @ParameterizedTest
    @MethodSource("cases")
    void theGeneratedConfigurationIsTheGoldenOne(String name) throws IOException {
        String generated = generator.generate(CASES.get(name).get());
        Path golden = GOLDEN.resolve(name + ".conf");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), golden + " is missing: run once with -Dgolden.update=true and read it");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), generated, "generated text of " + name);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void birdAcceptsTheGeneratedConfiguration(String name) throws IOException {
        BirdCommands bird = Bird.required();
        Files.createDirectories(CHECKED);
        Path file = CHECKED.resolve(name + ".conf");
        Files.writeString(file, generator.generate(CASES.get(name).get()), StandardCharsets.UTF_8);

        CommandResult check = bird.check(file.toAbsolutePath());

        assertEquals(0, check.exitCode(), "bird -p -c " + file + " said: " + check.output());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void birdAcceptsEveryGoldenFile(String name) {
        BirdCommands bird = Bird.required();

        CommandResult check = bird.check(GOLDEN.resolve(name + ".conf").toAbsolutePath());

        assertEquals(0, check.exitCode(), "bird -p on the golden " + name + " said: " + check.output());
    }
}
