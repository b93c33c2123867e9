package dev.peering.registration.service;

import dev.peering.registration.domain.PrefixRules;
import dev.peering.registration.domain.PrefixValidationState;
import dev.peering.registration.persistence.PeeringViewRepository.PeeringView;
import dev.peering.registration.persistence.RegisteredPrefixEntity;
import dev.peering.registration.persistence.RegisteredPrefixRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * What validating a registered prefix checks, in this order, the first that fails deciding the state and its
 * reason (the README's "Prefix validation" lists the same):
 *
 * <ol>
 *   <li>the prefix can be routed at all ({@link PrefixRules#whyNotAcceptable}: not private, reserved,
 *       documentation, multicast, nor more specific than /24 or /48): else {@code Invalid};
 *   <li>its peering is still live here (not failed, not being deprovisioned): else {@code Failed};
 *   <li>it is not another customer's: no usable registered prefix of another subscription overlaps it: else
 *       {@code Failed};
 *   <li>its peering carries traffic now (a connection is Active): else {@code Warning} (usable, said why).
 * </ol>
 *
 * Nothing here consults routing data: which ASN originates the prefix is checked for Peering Service prefixes
 * against the registered ASNs ({@link PeeringServicePrefixes}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RegisteredPrefixValidation {

    /** The decided state and, unless Verified, why. */
    public record Outcome(PrefixValidationState state, String reason) {}

    @Inject
    RegisteredPrefixRepository registeredPrefixes;

    @Inject
    PeeringReadiness readiness;

    public Outcome check(RegisteredPrefixEntity e) {
        PrefixRules.Prefix prefix = PrefixRules.parse(e.prefix);
        Optional<String> unroutable = PrefixRules.whyNotAcceptable(prefix);
        if (unroutable.isPresent()) {
            return new Outcome(PrefixValidationState.Invalid, unroutable.get());
        }
        Optional<PeeringView> peering = readiness.find(e.peering());
        if (peering.isEmpty()) {
            return new Outcome(
                    PrefixValidationState.Failed,
                    "The peering '" + e.peeringName
                            + "' is no longer known; the prefix cannot be registered under it.");
        }
        Optional<String> notLive = readiness.whyNotLive(peering.get(), e.peeringName, "customer prefixes");
        if (notLive.isPresent()) {
            return new Outcome(PrefixValidationState.Failed, notLive.get());
        }
        Optional<RegisteredPrefixEntity> taken =
                registeredPrefixes.usableOverlappingOfOthers(e.subscriptionId, e.prefix).stream()
                        .findFirst();
        if (taken.isPresent()) {
            return new Outcome(
                    PrefixValidationState.Failed,
                    "The prefix overlaps " + taken.get().prefix + ", which another provider registered for its"
                            + " customer; a prefix can be registered by one provider only.");
        }
        Optional<String> noTraffic = readiness.whyNoActiveConnection(e.peeringId, e.peeringName);
        if (noTraffic.isPresent()) {
            return new Outcome(
                    PrefixValidationState.Warning,
                    noTraffic.get() + "; the prefix is registered, and its traffic flows once a connection is Active.");
        }
        return new Outcome(PrefixValidationState.Verified, null);
    }
}
