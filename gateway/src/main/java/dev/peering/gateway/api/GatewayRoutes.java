package dev.peering.gateway.api;

import dev.peering.gateway.config.GatewayConfig;
import dev.peering.gateway.service.Forwarder;
import dev.peering.gateway.service.RequestIds;
import dev.peering.gateway.service.RouteTable;
import dev.peering.gateway.service.ServiceDocuments;
import dev.peering.gateway.service.Upstream;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The front door's routes: every path outside {@code /q/} goes to the service that owns it (or is a 404
 * ARM error), {@code /q/openapi} is the merged document that {@code /q/swagger-ui} shows, and {@code /}
 * leads to Swagger UI. Health and Swagger UI are Quarkus's own routes.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    private static final String IDS = "peering.gateway.ids";

    @Inject
    Forwarder forwarder;

    @Inject
    ServiceDocuments documents;

    @Inject
    GatewayConfig config;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.get("/").handler(ctx -> ctx.redirect("/q/swagger-ui/"));
        router.get("/q/openapi").handler(this::openApi);
        router.get("/q/openapi.json").handler(this::openApi);
        router.routeWithRegex("^/(?!q/).+")
                .order(Integer.MIN_VALUE)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue()))
                .handler(this::forward);
        // on every route, so that a request the router itself refuses (a malformed %-escape) gets the body too
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void forward(RoutingContext ctx) {
        RequestIds ids = RequestIds.of(ctx.request());
        ctx.put(IDS, ids);
        String path = ctx.normalizedPath();
        Optional<Upstream> owner = RouteTable.route(path);
        if (owner.isEmpty()) {
            ArmErrors.send(
                    ctx.response(),
                    ids,
                    404,
                    "NotFound",
                    "No service of Microsoft.Peering serves '" + path + "'. The resource types are: "
                            + RouteTable.RESOURCE_TYPES + ".");
            return;
        }
        Upstream upstream = owner.get();
        String query = ctx.request().query();
        String uri = query == null ? path : path + "?" + query;
        Buffer body = ctx.body().buffer();
        forwarder.forward(ctx.request(), body, upstream, uri, ids, failure -> {
            LOG.debugf("%s %s: %s %s", ctx.request().method(), path, upstream.module(), failure);
            String why = failure == Forwarder.Failure.TIMED_OUT
                    ? " did not answer within " + config.timeout().toSeconds() + " s; a change you sent may or may"
                            + " not have been applied, so read the resource before you send it again."
                    : " cannot be reached right now. Retry after " + config.retryAfterSeconds() + " s.";
            ArmErrors.send(
                    ctx.response(),
                    ids,
                    503,
                    "ServiceUnavailable",
                    upstream.module() + why,
                    config.retryAfterSeconds());
        });
    }

    /**
     * What failed before the request reached a service: a malformed request, a body over the limit, or a
     * bug of ours. Quarkus's own routes ({@code /q/}) keep Quarkus's answers.
     */
    private void failed(RoutingContext ctx) {
        if (ctx.request().path() != null && ctx.request().path().startsWith("/q/")) {
            ctx.next();
            return;
        }
        RequestIds assigned = ctx.get(IDS);
        RequestIds ids = assigned != null ? assigned : RequestIds.of(ctx.request());
        if (ctx.statusCode() == 404) {
            ArmErrors.send(ctx.response(), ids, 404, "NotFound", "No service of Microsoft.Peering serves this path.");
        } else if (ctx.statusCode() == 413) {
            ctx.response().putHeader("Connection", "close");
            ArmErrors.send(
                    ctx.response(),
                    ids,
                    413,
                    "RequestEntityTooLarge",
                    "The request body is larger than this API accepts (" + maxBodySize.asLongValue() + " bytes).");
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            ArmErrors.send(
                    ctx.response(),
                    ids,
                    ctx.statusCode(),
                    "BadRequest",
                    "The request is malformed (a path or query that cannot be decoded, for example).");
        } else {
            LOG.errorf(ctx.failure(), "request %s failed at the gateway", ids.requestId());
            ArmErrors.send(
                    ctx.response(),
                    ids,
                    500,
                    "InternalServerError",
                    "The gateway failed to handle the request (x-ms-request-id " + ids.requestId() + ").");
        }
    }

    private void openApi(RoutingContext ctx) {
        documents
                .merged()
                .onSuccess(document -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .end(document.toString()))
                .onFailure(ctx::fail);
    }
}
