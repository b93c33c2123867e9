package dev.peering.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.core.ArmError;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused before it is read, with the ARM
 * error body (the HTTP layer's own refusal has no body at all). A chunked body without a length is
 * still cut off by the HTTP layer at the same limit.
 */
@ApplicationScoped
public class BodyLimit {

    private static final String BODY;

    static {
        try {
            BODY = new ObjectMapper()
                    .writeValueAsString(ArmError.of(
                            "RequestEntityTooLarge", "The request body is larger than this service accepts."));
        } catch (JsonProcessingException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> check(context, limit));
    }

    private static void check(RoutingContext context, long limit) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && tooLong(length, limit)) {
            context.response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Connection", "close")
                    .end(BODY);
            return;
        }
        context.next();
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            // a malformed length is the HTTP layer's to refuse
            return false;
        }
    }
}
