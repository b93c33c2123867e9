package dev.peering.connection.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * The provisioner's simulation. No cross-connect is ordered and no router speaks BGP here: the
 * provisioner moves each connection through the walkthrough's states after these delays, and the
 * checks of Validating are the only real work it does.
 */
@ConfigMapping(prefix = "peering.connection")
public interface ProvisioningConfig {

    /** The wait before each simulated provisioning step (approval, cross-connect, validation) and removal. */
    Duration stepDelay();

    /** The wait before each simulated BGP session state change once the connection is Active. */
    Duration sessionStepDelay();

    /**
     * Whether the simulated peering operator approves a PendingApproval connection by itself after one
     * step; when false, it waits for the operator's approve action.
     */
    boolean autoApprove();

    /** How often the provisioner looks for due steps (a Quarkus scheduler interval such as {@code 1s}). */
    String pollInterval();

    /** How many due connections one provisioner pass advances in one transaction. */
    int batchSize();
}
