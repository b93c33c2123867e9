package dev.peering.cli;

import java.net.URI;
import java.util.function.Function;

/**
 * The base URLs of the four services. Each is, first found: its own option or environment variable;
 * {@code --endpoint-base}, one host with the services on their default ports 8081-8084; {@code --endpoint},
 * the gateway that serves them all (default http://localhost:8080).
 */
public record Endpoints(URI asn, URI peering, URI connection, URI registration) {

    public static final String DEFAULT_ENDPOINT = "http://localhost:8080";

    public static Endpoints resolve(GlobalOptions o, Function<String, String> env) {
        String base = first(o.endpointBase, env.apply("PEERING_ENDPOINT_BASE"), null);
        URI gateway = parse(first(o.endpoint, env.apply("PEERING_ENDPOINT"), DEFAULT_ENDPOINT));
        return new Endpoints(
                service(o.asnUrl, env.apply("PEERING_ASN_URL"), base, 8081, gateway),
                service(o.peeringUrl, env.apply("PEERING_PEERING_URL"), base, 8082, gateway),
                service(o.connectionUrl, env.apply("PEERING_CONNECTION_URL"), base, 8083, gateway),
                service(o.registrationUrl, env.apply("PEERING_REGISTRATION_URL"), base, 8084, gateway));
    }

    private static URI service(String option, String envValue, String base, int defaultPort, URI gateway) {
        String explicit = first(option, envValue, null);
        if (explicit != null) {
            return parse(explicit);
        }
        if (base == null) {
            return gateway;
        }
        URI baseUri = parse(base);
        if (baseUri.getPort() != -1) {
            return baseUri;
        }
        return parse(baseUri.getScheme() + "://" + baseUri.getHost() + ":" + defaultPort);
    }

    private static URI parse(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("'" + url + "' is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null
                || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw CliFailure.usage("'" + url + "' is not an http(s) URL such as http://localhost:8081");
        }
        return uri;
    }

    private static String first(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return fallback;
    }
}
