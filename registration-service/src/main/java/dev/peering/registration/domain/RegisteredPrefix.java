package dev.peering.registration.domain;

/** A customer prefix registered under a peering, as its provider reads it: with its Prefix Key once Verified. */
public record RegisteredPrefix(
        String id,
        String name,
        String prefix,
        PrefixValidationState prefixValidationState,
        String peeringServicePrefixKey,
        String errorMessage,
        String provisioningState) {

    @Override
    public String toString() {
        // the Prefix Key stays out of every log line
        return "RegisteredPrefix[" + id + ", " + prefix + ", " + prefixValidationState + "]";
    }
}
