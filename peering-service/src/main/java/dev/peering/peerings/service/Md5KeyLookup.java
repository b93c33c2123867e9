package dev.peering.peerings.service;

import dev.peering.core.ArmException;
import dev.peering.peerings.persistence.ConnectionViewRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The MD5 key of a connection's BGP session for the route server (ADR 0014): this service alone stores it
 * (ADR 0006), and connection-service's bird adapter pulls it here when it generates the router's
 * configuration. Never published, never logged.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Md5KeyLookup {

    private static final String CONNECTIONS = "/connections/";

    @Inject
    ConnectionViewRepository connections;

    /** The key of the connection with ARM id {@code connectionId}; 404 when it has none or does not exist. */
    public String keyOf(String connectionId) {
        int at = connectionId == null ? -1 : connectionId.lastIndexOf(CONNECTIONS);
        if (at <= 0 || at + CONNECTIONS.length() >= connectionId.length()) {
            throw ArmException.badRequest(
                    "InvalidQueryParameter",
                    "connectionId must be a connection's ARM id (.../peerings/{name}/connections/{connectionIdentifier}).");
        }
        String peeringId = connectionId.substring(0, at);
        String identifier = connectionId.substring(at + CONNECTIONS.length());
        return connections
                .find(peeringId, identifier)
                .map(c -> c.md5AuthenticationKey)
                .orElseThrow(() -> ArmException.notFound("md5AuthenticationKey", connectionId));
    }
}
