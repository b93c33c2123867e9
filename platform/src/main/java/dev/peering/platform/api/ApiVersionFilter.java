package dev.peering.platform.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every ARM operation names the api-version it speaks; this service speaks one. */
public class ApiVersionFilter {

    public static final String API_VERSION = "2022-10-01";

    @ServerRequestFilter(preMatching = true)
    public Response checkApiVersion(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/subscriptions/") && !path.startsWith("/providers/")) {
            return null;
        }
        String version = request.getUriInfo().getQueryParameters().getFirst("api-version");
        if (version == null || version.isBlank()) {
            return ArmExceptionMappers.error(
                    400,
                    "MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests; use " + API_VERSION
                            + ".");
        }
        if (!API_VERSION.equals(version)) {
            return ArmExceptionMappers.error(
                    400,
                    "InvalidApiVersionParameter",
                    "The api-version '" + version + "' is invalid. The supported version is '" + API_VERSION + "'.");
        }
        return null;
    }
}
