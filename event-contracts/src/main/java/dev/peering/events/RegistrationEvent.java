package dev.peering.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of the events on the registration topic.
 *
 * <p>Registered-ASN events ({@link #ASN_REGISTERED}, {@link #ASN_UNREGISTERED}): the record key is
 * {@code peeringId}, the CloudEvent subject the registered ASN's resource id and the subscription the
 * provider's. They say that a Prefix Key was issued or revoked ({@code prefixKeyIssued},
 * {@code prefixKeyRevoked}); the key itself never travels in an event.
 *
 * <p>Prefix events ({@link #PREFIX_VALIDATION_STATE_CHANGED}, {@link #PREFIX_DELETED}): the record key
 * is {@code peeringServiceId}, the subject the prefix's resource id and the subscription the customer's.
 * They name nothing of the provider whose key the prefix uses.
 *
 * <p>Registered-prefix events ({@link #REGISTERED_PREFIX_VALIDATION_STATE_CHANGED},
 * {@link #REGISTERED_PREFIX_DELETED}): the record key is {@code peeringId}, the subject the registered
 * prefix's resource id and the subscription the provider's; a Prefix Key issued or revoked is said with
 * {@code prefixKeyIssued} / {@code prefixKeyRevoked}, never the key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationEvent(
        String registeredAsnId,
        String peeringId,
        String subscriptionId,
        String resourceGroup,
        String peeringName,
        String name,
        Long asn,
        Boolean prefixKeyIssued,
        Boolean prefixKeyRevoked,
        String provisioningState,
        String reason,
        String peeringServicePrefixId,
        String peeringServiceId,
        String prefix,
        String previousPrefixValidationState,
        String prefixValidationState,
        String errorMessage,
        String registeredPrefixId) {

    /** A customer ASN was registered under a peering and its Prefix Key issued. */
    public static final String ASN_REGISTERED = "dev.peering.registration.asnRegistered";
    /** A registered ASN was removed (deleted, or its peering deprovisioned) and its Prefix Key revoked. */
    public static final String ASN_UNREGISTERED = "dev.peering.registration.asnUnregistered";
    /**
     * A registered ASN as it is now, on the compacted state topic {@link Topics#REGISTERED_ASNS_STATE}, keyed by
     * its resource id; {@code prefixKeyIssued} says its key exists, never the key.
     */
    public static final String REGISTERED_ASN_STATE = "dev.peering.registration.registeredAsnState";
    /** A Peering Service prefix was created, or its prefixValidationState changed. */
    public static final String PREFIX_VALIDATION_STATE_CHANGED =
            "dev.peering.registration.prefixValidationStateChanged";
    /** A Peering Service prefix was deleted by its customer. */
    public static final String PREFIX_DELETED = "dev.peering.registration.prefixDeleted";
    /** A registered prefix was created, validated (again), or its prefixValidationState changed. */
    public static final String REGISTERED_PREFIX_VALIDATION_STATE_CHANGED =
            "dev.peering.registration.registeredPrefixValidationStateChanged";
    /** A registered prefix was removed (deleted, or its peering deprovisioned) and its Prefix Key revoked. */
    public static final String REGISTERED_PREFIX_DELETED = "dev.peering.registration.registeredPrefixDeleted";

    /** {@code reason} of {@link #ASN_UNREGISTERED}: the provider deleted the registered ASN. */
    public static final String REASON_DELETED = "Deleted";
    /** {@code reason} of {@link #ASN_UNREGISTERED}: the peering is being deprovisioned or is gone. */
    public static final String REASON_PEERING_DEPROVISIONED = "PeeringDeprovisioned";

    public static final String SOURCE = "/services/registration-service";

    /** A registered ASN's event: the key issued or revoked, never the key. */
    public static RegistrationEvent registeredAsn(
            String registeredAsnId,
            String peeringId,
            String subscriptionId,
            String resourceGroup,
            String peeringName,
            String name,
            long asn,
            boolean issued,
            String provisioningState,
            String reason) {
        return new RegistrationEvent(
                registeredAsnId,
                peeringId,
                subscriptionId,
                resourceGroup,
                peeringName,
                name,
                asn,
                issued ? Boolean.TRUE : null,
                issued ? null : Boolean.TRUE,
                provisioningState,
                reason,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** A prefix's event, about the customer's resources only. */
    public static RegistrationEvent prefix(
            String peeringServicePrefixId,
            String peeringServiceId,
            String subscriptionId,
            String resourceGroup,
            String name,
            String prefix,
            String previousPrefixValidationState,
            String prefixValidationState,
            String errorMessage) {
        return new RegistrationEvent(
                null,
                null,
                subscriptionId,
                resourceGroup,
                null,
                name,
                null,
                null,
                null,
                null,
                null,
                peeringServicePrefixId,
                peeringServiceId,
                prefix,
                previousPrefixValidationState,
                prefixValidationState,
                errorMessage,
                null);
    }

    /**
     * A registered prefix's event, about the provider's resource: its state, and whether its Prefix Key was
     * issued or revoked by this change (never the key).
     */
    public static RegistrationEvent registeredPrefix(
            String registeredPrefixId,
            String peeringId,
            String subscriptionId,
            String resourceGroup,
            String peeringName,
            String name,
            String prefix,
            boolean keyIssued,
            boolean keyRevoked,
            String provisioningState,
            String reason,
            String previousPrefixValidationState,
            String prefixValidationState,
            String errorMessage) {
        return new RegistrationEvent(
                null,
                peeringId,
                subscriptionId,
                resourceGroup,
                peeringName,
                name,
                null,
                keyIssued ? Boolean.TRUE : null,
                keyRevoked ? Boolean.TRUE : null,
                provisioningState,
                reason,
                null,
                null,
                prefix,
                previousPrefixValidationState,
                prefixValidationState,
                errorMessage,
                registeredPrefixId);
    }
}
