package dev.peering.registration.domain;

/** What a prefix PUT asks for: a prefix in canonical form and a key of the right form. */
public record PrefixSpec(String prefix, String peeringServicePrefixKey) {}
