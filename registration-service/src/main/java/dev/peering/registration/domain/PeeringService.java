package dev.peering.registration.domain;

/** A customer's Peering Service, as much of it as holds prefixes. */
public record PeeringService(
        String id,
        String name,
        String location,
        String peeringServiceLocation,
        String peeringServiceProvider,
        String provisioningState) {}
