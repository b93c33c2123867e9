package dev.peering.gateway.service;

import dev.peering.core.CorrelationId;
import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;

/**
 * The ids ARM puts on every request: {@code x-ms-request-id}, made by the front door for each request,
 * and {@code x-ms-correlation-request-id}, the caller's when it sent a sane one. Both go to the service
 * and back to the caller.
 */
public record RequestIds(String requestId, String correlationId) {

    public static final String REQUEST_ID = "x-ms-request-id";
    public static final String CORRELATION_ID = CorrelationId.HEADER;

    public static RequestIds of(HttpServerRequest request) {
        return new RequestIds(
                UUID.randomUUID().toString(), CorrelationId.fromHeader(request.getHeader(CORRELATION_ID)));
    }
}
