package dev.peering.registration.domain;

import java.util.List;

/**
 * A prefix of a Peering Service and where its validation stands, as its customer reads it; {@code events},
 * its history, only when asked for ({@code $expand=events}), else null.
 */
public record PeeringServicePrefix(
        String id,
        String name,
        String prefix,
        PrefixValidationState prefixValidationState,
        String learnedType,
        String errorMessage,
        String peeringServicePrefixKey,
        String provisioningState,
        List<PrefixEvent> events) {

    @Override
    public String toString() {
        // the Prefix Key stays out of every log line
        return "PeeringServicePrefix[" + id + ", " + prefix + ", " + prefixValidationState + "]";
    }
}
