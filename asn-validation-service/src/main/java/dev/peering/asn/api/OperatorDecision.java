package dev.peering.asn.api;

/** The body of the operator's reject action: why the association is refused. */
public record OperatorDecision(String reason) {}
