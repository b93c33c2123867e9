package dev.peering.connection.service;

import dev.peering.connection.config.RouteServerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Chooses the session provisioner by configuration ({@code peering.route-server.provisioner}). */
@ApplicationScoped
public class SessionProvisioners {

    @Produces
    @ApplicationScoped
    SessionProvisioner provisioner(RouteServerConfig config, SimulatedSessions simulated, RouteServerSessions bird) {
        return config.provisioner() == RouteServerConfig.Provisioner.bird ? bird : simulated;
    }
}
