package dev.peering.gateway.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Four small HTTP servers standing in for the services: each echoes what reached it (method, URI,
 * headers, body) as JSON, serves a small OpenAPI document of its own, answers a status asked for in
 * {@code x-stub-status}, and never answers a path ending in {@code /hang}. A control server takes a
 * stand-in down ({@code POST /down/<service>}) and up again on the same port ({@code POST /up/<service>}).
 * peering-service has a second instance, {@code peering-service#2}, routed to as well; each answer names
 * the instance that gave it.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    static final String[] SERVICES = {
        "asn-validation-service", "peering-service", "connection-service", "registration-service"
    };

    static final String SECOND_PEERING = "peering-service#2";

    private Vertx vertx;
    private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        // the JSON codec's first use takes long on a loaded machine; not inside the first request's time
        new JsonObject().put("warm", true).encode();
        Map<String, String> config = new LinkedHashMap<>();
        for (String service : SERVICES) {
            HttpServer server = listen(service, 0);
            ports.put(service, server.actualPort());
            config.put("peering.gateway.routes." + service, "http://localhost:" + server.actualPort());
        }
        HttpServer second = listen(SECOND_PEERING, 0);
        ports.put(SECOND_PEERING, second.actualPort());
        config.put(
                "peering.gateway.routes.peering-service",
                config.get("peering.gateway.routes.peering-service") + ",http://localhost:" + second.actualPort());
        HttpServer control = await(
                vertx.createHttpServer().requestHandler(this::control).listen(0).toCompletionStage());
        config.put("stub.control", "http://localhost:" + control.actualPort());
        config.put("peering.gateway.timeout", "2s");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close().toCompletionStage());
        }
    }

    private HttpServer listen(String service, int port) {
        HttpServer server = await(vertx.createHttpServer()
                .requestHandler(request -> answer(service, request))
                .listen(port)
                .toCompletionStage());
        servers.put(service, server);
        return server;
    }

    private void control(HttpServerRequest request) {
        String[] parts = request.path().split("/");
        String service = java.net.URLDecoder.decode(parts[parts.length - 1], java.nio.charset.StandardCharsets.UTF_8);
        if (request.path().startsWith("/down/")) {
            servers.get(service).close().onComplete(done -> request.response().end());
        } else {
            vertx.executeBlocking(() -> listen(service, ports.get(service))).onComplete(done -> request.response()
                    .setStatusCode(done.succeeded() ? 200 : 500)
                    .end());
        }
    }

    private void answer(String service, HttpServerRequest request) {
        if (request.path().equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(document(service));
            return;
        }
        if (request.path().endsWith("/hang")) {
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            String status = request.getHeader("x-stub-status");
            request.response()
                    .setStatusCode(status == null ? 200 : Integer.parseInt(status))
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject()
                            .put("service", service.replace("#2", ""))
                            .put("instance", service.endsWith("#2") ? 2 : 1)
                            .put("method", request.method().name())
                            .put("uri", request.uri())
                            .put("headers", headers)
                            .put("body", body.toString())
                            .encode());
        });
    }

    /**
     * Two operations of one path per service, each with a requirement on Quarkus's own scheme name; the
     * stand-ins of asn-validation-service and the others define a schema {@code Body} differently.
     */
    private static String document(String service) {
        String path =
                switch (service) {
                    case "asn-validation-service" -> "/subscriptions/{s}/providers/Microsoft.Peering/peerAsns/{n}";
                    case "peering-service" -> "/subscriptions/{s}/providers/Microsoft.Peering/peeringLocations";
                    case "connection-service" -> "/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Peering"
                            + "/peerings/{p}/connections";
                    default -> "/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Peering"
                            + "/peerings/{p}/registeredAsns";
                };
        String operation =
                """
                {"tags":["SERVICE"],"security":[{"SecurityScheme":[]}],
                 "responses":{"200":{"description":"OK",
                   "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Body"}}}}}}""";
        return """
                {"openapi":"3.1.0","info":{"title":"SERVICE","version":"2022-10-01"},
                 "servers":[{"url":"http://localhost:1"}],
                 "paths":{"PATH":{"get":OPERATION,"delete":OPERATION}},
                 "components":{"schemas":{"Body":{"type":"object","title":"TITLE"}},
                   "securitySchemes":{"SecurityScheme":{"type":"http","scheme":"bearer"}}}}"""
                .replace("OPERATION", operation)
                .replace("SERVICE", service)
                .replace("PATH", path)
                .replace("TITLE", service.equals("asn-validation-service") ? "asn" : "other");
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
