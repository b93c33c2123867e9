package dev.peering.connection.domain;

/**
 * What the peer's PUT did: created a new connection, or corrected a ProvisioningFailed one.
 *
 * @param created true for a new connection (201), false for a corrected one (200)
 */
public record AddedConnection(Connection connection, boolean created) {}
