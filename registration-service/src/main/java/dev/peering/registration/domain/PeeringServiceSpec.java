package dev.peering.registration.domain;

import dev.peering.core.Tags;

/** What a Peering Service PUT asks for, already checked against {@link RegistrationRules}. */
public record PeeringServiceSpec(
        String location,
        String skuName,
        Tags tags,
        String peeringServiceLocation,
        String peeringServiceProvider,
        String providerPrimaryPeeringLocation,
        String providerBackupPeeringLocation) {}
