package dev.peering.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.core.ArmError;
import dev.peering.gateway.service.RequestIds;
import io.vertx.core.http.HttpServerResponse;

/** The gateway's own answers, in the ARM error body the services use. */
final class ArmErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArmErrors() {}

    static void send(HttpServerResponse response, RequestIds ids, int status, String code, String message) {
        send(response, ids, status, code, message, null);
    }

    /** The same with {@code Retry-After} (seconds), as every 503 of the project has. */
    static void send(
            HttpServerResponse response, RequestIds ids, int status, String code, String message, Integer retryAfter) {
        if (response.ended() || response.closed() || response.headWritten()) {
            return;
        }
        String body;
        try {
            body = JSON.writeValueAsString(ArmError.of(code, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader(RequestIds.REQUEST_ID, ids.requestId())
                .putHeader(RequestIds.CORRELATION_ID, ids.correlationId());
        if (retryAfter != null) {
            response.putHeader("Retry-After", String.valueOf(retryAfter));
        }
        response.end(body);
    }
}
