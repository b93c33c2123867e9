package dev.peering.registration.service;

import dev.peering.core.ArmException;
import dev.peering.core.PeeringRef;
import dev.peering.registration.domain.PeeringState;
import dev.peering.registration.persistence.PeeringViewRepository;
import dev.peering.registration.persistence.PeeringViewRepository.ConnectionView;
import dev.peering.registration.persistence.PeeringViewRepository.PeeringView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a peering can take registrations (customer ASNs and customer prefixes), from this service's
 * view of peerings and connections, which the event handlers keep. Each refusal is a 409 that says why.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PeeringReadiness {

    private static final String ACTIVE = "Active";

    @Inject
    PeeringViewRepository peerings;

    /** The peering, locked, so registrations under it serialise; a 409 when it is not known here. */
    public PeeringView lockKnown(PeeringRef ref, String what) {
        return peerings.findForUpdate(ref)
                .orElseThrow(() -> ArmException.conflict(
                        "PeeringNotFound",
                        "The peering '" + ref.name() + "' does not exist in resource group '" + ref.resourceGroup()
                                + "' of this subscription (or it was created moments ago and is not known here"
                                + " yet); create the peering first, then register " + what + "."));
    }

    /** Refuses a peering that failed or is being deprovisioned. */
    public void requireLive(PeeringView peering, String peeringName, String what) {
        whyNotLive(peering, peeringName, what).ifPresent(reason -> {
            throw ArmException.conflict("PeeringNotActive", reason);
        });
    }

    /** Why a peering takes no registrations of {@code what}: it failed or is being deprovisioned. */
    public Optional<String> whyNotLive(PeeringView peering, String peeringName, String what) {
        if (PeeringState.Failed.name().equals(peering.state())) {
            return Optional.of("The peering '" + peeringName + "' failed; " + what
                    + " can only be registered under a peering that carries traffic.");
        }
        if (PeeringState.Deprovisioning.name().equals(peering.state())) {
            return Optional.of("The peering '" + peeringName + "' is being deprovisioned; " + what
                    + " cannot be registered under it.");
        }
        return Optional.empty();
    }

    /** Refuses a peering without an Active connection. */
    public void requireActiveConnection(PeeringView peering, String peeringName, String what) {
        whyNoActiveConnection(peering.peeringId(), peeringName).ifPresent(reason -> {
            throw ArmException.conflict(
                    "NoActiveConnection", reason + "; " + what + " can be registered once a connection is Active.");
        });
    }

    /** Why the peering carries no traffic now (none of its connections is Active), or empty when one is. */
    public Optional<String> whyNoActiveConnection(String peeringId, String peeringName) {
        List<ConnectionView> connections = peerings.connections(peeringId);
        if (connections.stream().anyMatch(c -> ACTIVE.equals(c.connectionState()))) {
            return Optional.empty();
        }
        String states = connections.isEmpty()
                ? "no connection has been provisioned yet"
                : "connections: "
                        + connections.stream()
                                .map(c -> c.connectionIdentifier() + " is " + c.connectionState())
                                .collect(Collectors.joining(", "));
        return Optional.of("The peering '" + peeringName + "' has no Active connection (" + states + ")");
    }

    /** The peering's state as known here, or empty when it is not (or no longer) known. */
    public Optional<PeeringView> find(PeeringRef ref) {
        return peerings.findForUpdate(ref);
    }
}
