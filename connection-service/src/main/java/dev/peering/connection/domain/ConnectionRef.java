package dev.peering.connection.domain;

import dev.peering.core.PeeringRef;

/** Names one connection the way its REST path does: the peering, then the connection's identifier. */
public record ConnectionRef(PeeringRef peering, String connectionIdentifier) {}
