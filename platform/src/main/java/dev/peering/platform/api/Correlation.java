package dev.peering.platform.api;

import dev.peering.core.CorrelationId;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The correlation id of a request, as ARM names it: taken from the caller's
 * {@code x-ms-correlation-request-id} when it sends a sane one, made up otherwise, returned on the
 * response and written into every event the request causes.
 */
public class Correlation {

    public static final String HEADER = CorrelationId.HEADER;
    private static final String PROPERTY = Correlation.class.getName();

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        request.setProperty(PROPERTY, CorrelationId.fromHeader(request.getHeaderString(HEADER)));
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The correlation id of the request being served. */
    public static String of(ContainerRequestContext request) {
        Object id = request.getProperty(PROPERTY);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }
}
