package dev.peering.platform.api;

import dev.peering.core.CorrelationId;
import dev.peering.platform.tracing.LogContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The correlation id of a request, as ARM names it: taken from the caller's
 * {@code x-ms-correlation-request-id} when it sends a sane one, made up otherwise, returned on the
 * response and written into every event the request causes. It is also put in the log context of the
 * request, with the subscription and the resource id its path names.
 */
public class Correlation {

    public static final String HEADER = CorrelationId.HEADER;
    private static final String PROPERTY = Correlation.class.getName();
    // What a log line may carry from a path a caller chose: the raw (still percent-encoded) form, bounded.
    private static final Pattern SANE_PATH = Pattern.compile("/[A-Za-z0-9._~%()/-]{1,512}");
    private static final String PROVIDER = "providers/Microsoft.Peering/";

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = CorrelationId.fromHeader(request.getHeaderString(HEADER));
        request.setProperty(PROPERTY, id);
        String path = request.getUriInfo().getRequestUri().getRawPath();
        boolean sane = path != null && SANE_PATH.matcher(path).matches();
        LogContext.set(id, sane ? subscriptionOf(path) : null, sane ? resourceIdOf(path) : null);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        LogContext.clear();
    }

    /** The subscription a path names ({@code /subscriptions/{id}/...}), or null. */
    static String subscriptionOf(String path) {
        String[] s = path.split("/");
        return s.length > 2 && s[1].equalsIgnoreCase("subscriptions") && !s[2].isEmpty() ? s[2] : null;
    }

    /**
     * The ARM resource id a path names: the path up to its last complete {@code type/name} pair after
     * {@code providers/Microsoft.Peering}, so an action ({@code .../peerAsns/a/approve}) names its resource; null
     * for a list.
     */
    static String resourceIdOf(String path) {
        int provider = path.indexOf(PROVIDER);
        if (provider < 0) {
            return null;
        }
        String[] rest = path.substring(provider + PROVIDER.length()).split("/");
        int pairs = rest.length / 2;
        if (pairs == 0) {
            return null;
        }
        return path.substring(0, provider + PROVIDER.length()) + String.join("/", Arrays.copyOf(rest, pairs * 2));
    }

    /** The correlation id of the request being served. */
    public static String of(ContainerRequestContext request) {
        Object id = request.getProperty(PROPERTY);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }
}
