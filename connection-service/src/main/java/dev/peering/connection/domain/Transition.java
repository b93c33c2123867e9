package dev.peering.connection.domain;

import java.time.OffsetDateTime;

/**
 * One change of connectionState, as the state machine allowed it: what the connection becomes and
 * what its event says.
 *
 * @param blockedState the state an ExternalBlocker returns to, or the state a ProvisioningFailed interrupted
 *     (previousConnectionProvisioningState); null in every other state
 * @param errorMessage set on ProvisioningFailed, null otherwise
 * @param lastFailureTimeUtc the time of the latest failure (kept after a retry)
 */
public record Transition(
        ConnectionState previous,
        ConnectionState next,
        String reason,
        String errorMessage,
        ConnectionState blockedState,
        OffsetDateTime lastFailureTimeUtc,
        OffsetDateTime at) {}
