package dev.peering.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a service in the CLI's unit tests: answers each "METHOD path" with the responses
 * queued for it (the last one repeats) and records every request, so a test can assert on exactly
 * what the CLI sent.
 */
final class FakeArm implements AutoCloseable {

    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue().get(0);
                }
            }
            return null;
        }
    }

    record Response(int status, String body, Map<String, String> headers) {
        Response(int status, String body) {
            this(status, body, Map.of());
        }
    }

    record Run(int exitCode, String out, String err) {}

    private final HttpServer server;
    private final Map<String, Deque<Response>> responses = new HashMap<>();
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    FakeArm() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Request(
                    exchange.getRequestMethod(),
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            Response r = next(exchange.getRequestMethod() + " " + path);
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            r.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues a response; single quotes in the body stand for double quotes, to keep tests readable. */
    FakeArm on(String methodAndPath, int status, String body) {
        return onRaw(methodAndPath, status, body.replace('\'', '"'));
    }

    FakeArm onRaw(String methodAndPath, int status, String body) {
        return onRaw(methodAndPath, new Response(status, body));
    }

    FakeArm onRaw(String methodAndPath, Response response) {
        responses.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(response);
        return this;
    }

    private synchronized Response next(String key) {
        Deque<Response> queue = responses.get(key);
        if (queue == null || queue.isEmpty()) {
            return new Response(
                    404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"no fake response for " + key + "\"}}");
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    List<Request> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    /** Runs the CLI in this JVM with every service URL pointing at this fake. */
    Run run(Map<String, String> env, String stdin, String... args) {
        Map<String, String> fullEnv = new HashMap<>(env);
        fullEnv.putIfAbsent("PEERING_ENDPOINT_BASE", url());
        return runWith(fullEnv, stdin, args);
    }

    Run run(String... args) {
        return run(Map.of(), "", args);
    }

    static Run runWith(Map<String, String> env, String stdin, String... args) {
        return runWith(env, stdin, false, args);
    }

    /** @param terminal whether the CLI believes its output is a terminal (for -o jsonc) */
    static Run runWith(Map<String, String> env, String stdin, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(
                env,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin)),
                Clock.systemUTC(),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                terminal);
        int code = PeeringCli.run(ctx, args);
        return new Run(code, out.toString(), err.toString());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
