package dev.peering.gateway.service;

import dev.peering.gateway.config.GatewayConfig;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/** The four services behind the gateway, named as their Maven modules. */
public enum Upstream {
    ASN_VALIDATION("asn-validation-service", GatewayConfig.Routes::asnValidationService),
    PEERING("peering-service", GatewayConfig.Routes::peeringService),
    CONNECTION("connection-service", GatewayConfig.Routes::connectionService),
    REGISTRATION("registration-service", GatewayConfig.Routes::registrationService);

    private final String module;
    private final Function<GatewayConfig.Routes, List<URI>> urls;

    Upstream(String module, Function<GatewayConfig.Routes, List<URI>> urls) {
        this.module = module;
        this.urls = urls;
    }

    public String module() {
        return module;
    }

    /** The base URLs of the service's instances, at least one. */
    public List<URI> urls(GatewayConfig config) {
        return urls.apply(config.routes());
    }
}
