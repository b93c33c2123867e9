package dev.peering.registration.mapping;

import dev.peering.registration.domain.PeeringService;
import dev.peering.registration.domain.PeeringServicePrefix;
import dev.peering.registration.domain.RegisteredAsn;
import dev.peering.registration.persistence.PeeringServiceEntity;
import dev.peering.registration.persistence.PeeringServicePrefixEntity;
import dev.peering.registration.persistence.RegisteredAsnEntity;

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
                e.peeringServiceLocation,
                e.peeringServiceProvider,
                e.provisioningState);
    }

    public static PeeringServicePrefix toDomain(PeeringServicePrefixEntity e) {
        return new PeeringServicePrefix(
                e.resourceId(),
                e.name,
                e.prefix,
                e.prefixValidationState,
                e.learnedType,
                e.errorMessage,
                e.prefixKey,
                e.provisioningState);
    }
}
