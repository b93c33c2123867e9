package dev.peering.reference;

/** One connection of a peering as a request gives it (ARM {@code DirectConnection}); any field may be null. */
public record ConnectionConfig(
        Integer peeringDBFacilityId,
        Integer bandwidthInMbps,
        String sessionAddressProvider,
        Boolean useForPeeringService,
        BgpSessionConfig bgpSession) {}
