package dev.peering.gateway.service;

import dev.peering.gateway.config.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends one request on to the service that owns it and streams the service's answer back, unchanged
 * but for the hop-by-hop headers and the ARM request ids. Headers the caller sent (the bearer token
 * among them) pass through untouched; {@code Host} too, so the links a service writes (a list's
 * {@code nextLink}) point at the gateway.
 */
@ApplicationScoped
public class Forwarder {

    /**
     * RFC 9110 7.6.1: meaningful for one connection only, never forwarded; and what the gateway sets
     * itself (the length of the body it read whole, the 100-continue it answered).
     */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "expect",
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length");

    /** Why a service did not answer. */
    public enum Failure {
        UNREACHABLE,
        TIMED_OUT
    }

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    private HttpClient client;

    /** Whose turn it is among each service's instances. */
    private final Map<Upstream, AtomicInteger> turns = new EnumMap<>(Upstream.class);

    @PostConstruct
    void start() {
        for (Upstream upstream : Upstream.values()) {
            turns.put(upstream, new AtomicInteger());
        }
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(50));
    }

    @PreDestroy
    void stop() {
        client.close();
    }

    /**
     * Forwards {@code request} (its body already read into {@code body}) to {@code upstream} at
     * {@code uri} (path and query) and relays the answer; calls {@code failed} when the service cannot
     * be reached or does not answer in time, before anything was sent back.
     */
    public void forward(
            HttpServerRequest request,
            Buffer body,
            Upstream upstream,
            String uri,
            RequestIds ids,
            Consumer<Failure> failed) {
        List<URI> instances = upstream.urls(config);
        int first = Math.floorMod(turns.get(upstream).getAndIncrement(), instances.size());
        forwardTo(instances, first, 0, request, body, uri, ids, failed);
    }

    /**
     * Tries instance {@code (first + tried) % n}. Only a failure to connect moves on to the next instance:
     * nothing was sent then, so trying another cannot apply a change twice. Once the request is sent, a
     * silent instance is the caller's 503, never a second attempt elsewhere.
     */
    private void forwardTo(
            List<URI> instances,
            int first,
            int tried,
            HttpServerRequest request,
            Buffer body,
            String uri,
            RequestIds ids,
            Consumer<Failure> failed) {
        URI base = instances.get((first + tried) % instances.size());
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(base.getHost())
                .setPort(port(base))
                .setSsl("https".equals(base.getScheme()))
                .setURI(basePath(base) + uri)
                .setIdleTimeout(config.timeout().toMillis());
        client.request(options)
                .onFailure(notConnected -> {
                    if (tried + 1 < instances.size()) {
                        forwardTo(instances, first, tried + 1, request, body, uri, ids, failed);
                    } else {
                        failed.accept(
                                notConnected instanceof TimeoutException ? Failure.TIMED_OUT : Failure.UNREACHABLE);
                    }
                })
                .onSuccess(outgoing -> send(outgoing, request, body, ids)
                        .onSuccess(answer -> relay(answer, request.response(), ids))
                        .onFailure(error -> failed.accept(
                                error instanceof TimeoutException ? Failure.TIMED_OUT : Failure.UNREACHABLE)));
    }

    private static io.vertx.core.Future<HttpClientResponse> send(
            HttpClientRequest outgoing, HttpServerRequest request, Buffer body, RequestIds ids) {
        copyEndToEnd(request.headers(), outgoing.headers());
        if (request.authority() != null) {
            outgoing.authority(request.authority());
        }
        outgoing.putHeader(RequestIds.REQUEST_ID, ids.requestId());
        outgoing.putHeader(RequestIds.CORRELATION_ID, ids.correlationId());
        outgoing.putHeader("X-Forwarded-For", forwardedFor(request));
        outgoing.putHeader("X-Forwarded-Proto", request.scheme());
        return body == null || body.length() == 0 && !hasBody(request) ? outgoing.send() : outgoing.send(body);
    }

    private static void relay(HttpClientResponse answer, HttpServerResponse response, RequestIds ids) {
        if (response.closed() || response.ended()) {
            // the caller went away meanwhile
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        response.setStatusMessage(answer.statusMessage());
        copyEndToEnd(answer.headers(), response.headers());
        String length = answer.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        }
        response.putHeader(RequestIds.REQUEST_ID, ids.requestId());
        if (!response.headers().contains(RequestIds.CORRELATION_ID)) {
            response.putHeader(RequestIds.CORRELATION_ID, ids.correlationId());
        }
        // the head is written now; a failure from here on can only cut the connection
        response.send(answer).onFailure(error -> response.reset());
    }

    private static void copyEndToEnd(MultiMap from, MultiMap to) {
        for (var header : from) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        return request.headers().contains(HttpHeaders.CONTENT_LENGTH)
                || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static String forwardedFor(HttpServerRequest request) {
        String client = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        String earlier = request.getHeader("X-Forwarded-For");
        return earlier == null ? client : earlier + ", " + client;
    }

    private static int port(URI base) {
        if (base.getPort() != -1) {
            return base.getPort();
        }
        return "https".equals(base.getScheme()) ? 443 : 80;
    }

    private static String basePath(URI base) {
        String path = base.getRawPath();
        return path == null || path.equals("/") ? "" : path.replaceAll("/+$", "");
    }
}
