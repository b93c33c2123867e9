package dev.peering.registration.api;

import dev.peering.events.RegistrationEvent;
import dev.peering.registration.persistence.PeeringServiceEntity;
import dev.peering.registration.persistence.PeeringServicePrefixEntity;
import dev.peering.registration.persistence.RegisteredAsnEntity;

/** The one place entities become API bodies and events. Events carry no Prefix Key. */
public final class RegistrationMapper {

    private RegistrationMapper() {}

    public static RegisteredAsnBody toApi(RegisteredAsnEntity e) {
        return new RegisteredAsnBody(
                e.resourceId(),
                e.name,
                RegisteredAsnBody.TYPE,
                new RegisteredAsnBody.Properties(e.asn, e.prefixKey, e.provisioningState));
    }

    public static PeeringServiceBody toApi(PeeringServiceEntity e) {
        return new PeeringServiceBody(
                e.resourceId(),
                e.name,
                PeeringServiceBody.TYPE,
                e.location,
                new PeeringServiceBody.Properties(
                        e.peeringServiceLocation, e.peeringServiceProvider, e.provisioningState));
    }

    public static PeeringServicePrefixBody toApi(PeeringServicePrefixEntity e) {
        return new PeeringServicePrefixBody(
                e.resourceId(),
                e.name,
                PeeringServicePrefixBody.TYPE,
                new PeeringServicePrefixBody.Properties(
                        e.prefix,
                        e.prefixValidationState.name(),
                        e.learnedType,
                        e.errorMessage,
                        e.prefixKey,
                        e.provisioningState));
    }

    public static RegistrationEvent toEvent(RegisteredAsnEntity e, boolean issued, String reason) {
        return RegistrationEvent.registeredAsn(
                e.resourceId(),
                e.peeringId,
                e.subscriptionId,
                e.resourceGroup,
                e.peeringName,
                e.name,
                e.asn,
                issued,
                issued ? e.provisioningState : "Deleting",
                reason);
    }

    public static RegistrationEvent toEvent(PeeringServicePrefixEntity e, String previousState) {
        return RegistrationEvent.prefix(
                e.resourceId(),
                e.peeringServiceResourceId(),
                e.subscriptionId,
                e.resourceGroup,
                e.name,
                e.prefix,
                previousState,
                e.prefixValidationState.name(),
                e.errorMessage);
    }
}
