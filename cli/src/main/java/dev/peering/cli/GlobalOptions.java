package dev.peering.cli;

import picocli.CommandLine.Option;

/** The options every command that calls a service takes; each has an environment variable as fallback. */
public class GlobalOptions {

    @Option(
            names = {"-s", "--subscription"},
            paramLabel = "ID",
            description = "Subscription id (env PEERING_SUBSCRIPTION).")
    String subscription;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "The gateway, one address for all four services (env PEERING_ENDPOINT;"
                    + " default http://localhost:8080).")
    String endpoint;

    @Option(
            names = "--endpoint-base",
            paramLabel = "URL",
            description = "Instead of the gateway: one host for all four services on their own ports 8081-8084,"
                    + " e.g. http://localhost (env PEERING_ENDPOINT_BASE). A URL with a port is used as is.")
    String endpointBase;

    @Option(names = "--asn-url", paramLabel = "URL", description = "asn-validation-service (env PEERING_ASN_URL).")
    String asnUrl;

    @Option(names = "--peering-url", paramLabel = "URL", description = "peering-service (env PEERING_PEERING_URL).")
    String peeringUrl;

    @Option(
            names = "--connection-url",
            paramLabel = "URL",
            description = "connection-service (env PEERING_CONNECTION_URL).")
    String connectionUrl;

    @Option(
            names = "--registration-url",
            paramLabel = "URL",
            description = "registration-service (env PEERING_REGISTRATION_URL).")
    String registrationUrl;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "Bearer token sent as Authorization (env PEERING_TOKEN).")
    String token;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            description = "table (default), json, jsonc (coloured JSON on a terminal), tsv (values, tab-separated,"
                    + " no headers), yaml, or none (nothing on success); env PEERING_OUTPUT.")
    String output;

    @Option(
            names = "--query",
            paramLabel = "JMESPATH",
            description = "JMESPath expression applied to the JSON before it is formatted, as in az; e.g."
                    + " \"[?properties.validationState=='Approved'].name\" (see https://jmespath.org).")
    String query;

    @Option(
            names = "--correlation-id",
            paramLabel = "ID",
            description = "Correlation id sent as x-ms-correlation-request-id (default: a fresh UUID per command);"
                    + " `peering watch --correlation-id` follows it.")
    String correlationId;

    @Option(
            names = {"-v", "--verbose"},
            description = "Print each request, its status and the correlation id on stderr.")
    boolean verbose;
}
