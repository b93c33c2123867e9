package dev.peering.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peering.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The merged OpenAPI document, made from each service's {@code /q/openapi} when it is asked for. A
 * service that does not answer is left out with a note in the description, or stands in with the last
 * document it served, so one service down does not empty the documentation of the others.
 */
@ApplicationScoped
public class ServiceDocuments {

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    private final Map<Upstream, JsonNode> lastServed = new ConcurrentHashMap<>();
    private HttpClient client;
    private OpenApiMerger merger;

    @PostConstruct
    void start() {
        client = vertx.createHttpClient();
        merger = new OpenApiMerger(json);
    }

    @PreDestroy
    void stop() {
        client.close();
    }

    public Future<ObjectNode> merged() {
        List<Future<OpenApiMerger.ServiceDocument>> fetches =
                Arrays.stream(Upstream.values()).map(this::fetch).toList();
        return Future.join(fetches)
                .transform(done -> Future.succeededFuture(
                        merger.merge(fetches.stream().map(Future::result).toList())));
    }

    private Future<OpenApiMerger.ServiceDocument> fetch(Upstream upstream) {
        URI base = upstream.urls(config).get(0); // every instance serves the same document
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(base.toString().replaceAll("/+$", "") + "/q/openapi?format=json")
                .setTimeout(config.openapiTimeout().toMillis())
                .addHeader("Accept", "application/json");
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("it answered " + response.statusCode()))
                .map(body -> {
                    try {
                        JsonNode document = json.readTree(body.getBytes());
                        lastServed.put(upstream, document);
                        return new OpenApiMerger.ServiceDocument(upstream, document, null);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("its document is not JSON", e);
                    }
                })
                .recover(error -> {
                    JsonNode last = lastServed.get(upstream);
                    return Future.succeededFuture(
                            last != null
                                    ? new OpenApiMerger.ServiceDocument(upstream, last, null)
                                    : new OpenApiMerger.ServiceDocument(
                                            upstream, null, "not reachable: " + error.getMessage()));
                });
    }
}
