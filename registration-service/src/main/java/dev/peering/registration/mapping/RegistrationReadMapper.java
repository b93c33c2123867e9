package dev.peering.registration.mapping;

import dev.peering.core.Tags;
import dev.peering.registration.domain.PeeringService;
import dev.peering.registration.domain.PeeringServicePrefix;
import dev.peering.registration.domain.PrefixEvent;
import dev.peering.registration.domain.RegisteredAsn;
import dev.peering.registration.domain.RegisteredPrefix;
import dev.peering.registration.persistence.PeeringServiceEntity;
import dev.peering.registration.persistence.PeeringServicePrefixEntity;
import dev.peering.registration.persistence.PrefixEventEntity;
import dev.peering.registration.persistence.RegisteredAsnEntity;
import dev.peering.registration.persistence.RegisteredPrefixEntity;
import java.util.List;

/** Entities as the read records services hand to the REST layer, which never sees an entity. */
public final class RegistrationReadMapper {

    private RegistrationReadMapper() {}

    public static RegisteredAsn toDomain(RegisteredAsnEntity e) {
        return new RegisteredAsn(e.resourceId(), e.name, e.asn, e.prefixKey, e.provisioningState);
    }

    public static PeeringService toDomain(PeeringServiceEntity e) {
        return new PeeringService(
                e.ref().resourceId(),
                e.name,
                e.location,
                e.skuName,
                e.tags == null ? Tags.of(null) : e.tags,
                e.peeringServiceLocation,
                e.peeringServiceProvider,
                e.providerPrimaryPeeringLocation,
                e.providerBackupPeeringLocation,
                e.provisioningState);
    }

    public static PeeringServicePrefix toDomain(PeeringServicePrefixEntity e) {
        return toDomain(e, null);
    }

    /** The prefix with its history (oldest first), or without it when {@code history} is null. */
    public static PeeringServicePrefix toDomain(PeeringServicePrefixEntity e, List<PrefixEventEntity> history) {
        return new PeeringServicePrefix(
                e.resourceId(),
                e.name,
                e.prefix,
                e.prefixValidationState,
                e.learnedType,
                e.errorMessage,
                e.prefixKey,
                e.provisioningState,
                history == null
                        ? null
                        : history.stream()
                                .map(h -> new PrefixEvent(
                                        h.eventTimestamp,
                                        h.eventType,
                                        h.eventSummary,
                                        h.eventLevel,
                                        h.eventDescription))
                                .toList());
    }

    public static RegisteredPrefix toDomain(RegisteredPrefixEntity e) {
        return new RegisteredPrefix(
                e.resourceId(),
                e.name,
                e.prefix,
                e.prefixValidationState,
                e.prefixKey,
                e.errorMessage,
                e.provisioningState);
    }
}
