package dev.peering.connection.api;

/** The body of the operator's fail and block actions: why, as the peer will read it. */
public record OperatorRequest(String reason) {}
