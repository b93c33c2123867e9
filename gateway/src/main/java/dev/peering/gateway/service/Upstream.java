package dev.peering.gateway.service;

import dev.peering.gateway.config.GatewayConfig;
import java.net.URI;
import java.util.function.Function;

/** The four services behind the gateway, named as their Maven modules. */
public enum Upstream {
    ASN_VALIDATION("asn-validation-service", GatewayConfig.Routes::asnValidationService),
    PEERING("peering-service", GatewayConfig.Routes::peeringService),
    CONNECTION("connection-service", GatewayConfig.Routes::connectionService),
    REGISTRATION("registration-service", GatewayConfig.Routes::registrationService);

    private final String module;
    private final Function<GatewayConfig.Routes, URI> url;

    Upstream(String module, Function<GatewayConfig.Routes, URI> url) {
        this.module = module;
        this.url = url;
    }

    public String module() {
        return module;
    }

    public URI url(GatewayConfig config) {
        return url.apply(config.routes());
    }
}
