package dev.peering.registration.domain;

/** A prefix of a Peering Service and where its validation stands, as its customer reads it. */
public record PeeringServicePrefix(
        String id,
        String name,
        String prefix,
        PrefixValidationState prefixValidationState,
        String learnedType,
        String errorMessage,
        String peeringServicePrefixKey,
        String provisioningState) {

    @Override
    public String toString() {
        // the Prefix Key stays out of every log line
        return "PeeringServicePrefix[" + id + ", " + prefix + ", " + prefixValidationState + "]";
    }
}
