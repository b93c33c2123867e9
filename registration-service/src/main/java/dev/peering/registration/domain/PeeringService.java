package dev.peering.registration.domain;

import dev.peering.core.Tags;

/** A customer's Peering Service, as ARM shows it. */
public record PeeringService(
        String id,
        String name,
        String location,
        String skuName,
        Tags tags,
        String peeringServiceLocation,
        String peeringServiceProvider,
        String providerPrimaryPeeringLocation,
        String providerBackupPeeringLocation,
        String provisioningState) {}
