package dev.peering.registration.mapping;

import dev.peering.events.RegistrationEvent;
import dev.peering.registration.persistence.PeeringServicePrefixEntity;
import dev.peering.registration.persistence.RegisteredAsnEntity;
import dev.peering.registration.persistence.RegisteredPrefixEntity;

/** The one place entities become events. Events carry no Prefix Key and name no provider to a customer. */
public final class RegistrationEventMapper {

    private RegistrationEventMapper() {}

    /** A registered ASN's event: its key issued ({@code issued}) or revoked for {@code reason}. */
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
                e.peeringService().resourceId(),
                e.subscriptionId,
                e.resourceGroup,
                e.name,
                e.prefix,
                previousState,
                e.prefixValidationState.name(),
                e.errorMessage);
    }

    /** A registered prefix's event: its state now, and whether its key was issued or revoked by the change. */
    public static RegistrationEvent toEvent(
            RegisteredPrefixEntity e,
            String previousState,
            boolean keyIssued,
            boolean keyRevoked,
            String provisioningState,
            String reason) {
        return RegistrationEvent.registeredPrefix(
                e.resourceId(),
                e.peeringId,
                e.subscriptionId,
                e.resourceGroup,
                e.peeringName,
                e.name,
                e.prefix,
                keyIssued,
                keyRevoked,
                provisioningState,
                reason,
                previousState,
                e.prefixValidationState.name(),
                e.errorMessage);
    }
}
