package dev.peering.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The route table against the services' own JAX-RS resources, read from their sources: every path a
 * service serves must be routed to that service. A resource added to a service without a route here
 * fails this test, not a user. Paths under {@code /internal/} are for the services' own network only (the
 * route server's MD5 pull, ADR 0014) and must not be routed at all.
 */
class RouteTableCoversTheServicesTest {

    private static final Pattern PATH = Pattern.compile("@Path\\(((?:\\s*\"[^\"]*\"\\s*\\+?)+)\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern HTTP_METHOD = Pattern.compile("@(GET|PUT|POST|PATCH|DELETE|HEAD)\\b");
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]+}");

    @Test
    void everyPathOfEveryServiceIsRoutedToThatService() {
        Path root = repositoryRoot();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Upstream upstream : Upstream.values()) {
            List<String> paths = servedPaths(root.resolve(upstream.module()).resolve("src/main/java"));
            assertTrue(paths.size() >= 3, upstream.module() + " serves only " + paths);
            for (String path : paths) {
                Optional<Upstream> routed = RouteTable.route(path);
                checked++;
                Optional<Upstream> expected = path.startsWith("/internal/") ? Optional.empty() : Optional.of(upstream);
                if (!routed.equals(expected)) {
                    wrong.add(path + " (" + upstream.module() + ") -> " + routed.map(Upstream::module));
                }
            }
        }
        assertEquals(List.of(), wrong, "paths routed elsewhere than the service that serves them");
        assertTrue(checked >= 30, "only " + checked + " paths found in the resources");
    }

    /** The path of each resource method: its class's {@code @Path} joined with its own, templates filled in. */
    private static List<String> servedPaths(Path sources) {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                int classAt = text.indexOf("public class ");
                Matcher classPath = PATH.matcher(text);
                if (classAt < 0 || !classPath.find() || classPath.start() > classAt) {
                    continue;
                }
                Matcher method = HTTP_METHOD.matcher(text);
                while (method.find()) {
                    // the method's annotations: from the end of the previous member to its signature
                    int from =
                            Math.max(text.lastIndexOf(";\n", method.start()), text.lastIndexOf("}\n", method.start()));
                    int to = text.indexOf("public ", method.end());
                    Matcher own = PATH.matcher(text.substring(Math.max(from, 0), to));
                    String path = join(classPath.group(1));
                    if (own.find()) {
                        String sub = join(own.group(1));
                        path += (sub.startsWith("/") ? "" : "/") + sub;
                    }
                    paths.add(fill(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }

    private static String join(String concatenation) {
        StringBuilder value = new StringBuilder();
        Matcher literal = LITERAL.matcher(concatenation);
        while (literal.find()) {
            value.append(literal.group(1));
        }
        return value.toString();
    }

    private static String fill(String template) {
        return TEMPLATE.matcher(template).replaceAll("x1");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("peering-service/src/main/java"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run the tests inside the repository");
        }
        return dir;
    }
}
