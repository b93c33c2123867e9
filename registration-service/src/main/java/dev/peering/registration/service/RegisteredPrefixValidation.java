package dev.peering.registration.service;

import dev.peering.registration.domain.OriginCheck;
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
 *   <li>its peering carries traffic now (a connection is Active): else {@code Warning} (usable, said why);
 *   <li>its origin ASN, in the routes the route server receives from the peering's sessions, is a registered
 *       ASN of the peering ({@link RouteOrigins}, ADR 0020): else {@code Failed}; not announced: {@code
 *       Warning}; no routes to read (the simulated BGP): {@code Verified} with a reason saying the origin was
 *       not checked; routes not readable now: {@code Pending}, decided again later.
 * </ol>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RegisteredPrefixValidation {

    /** The decided state and why (Verified: null, or that the origin ASN was not checked); Pending: not decided. */
    public record Outcome(PrefixValidationState state, String reason) {}

    @Inject
    RegisteredPrefixRepository registeredPrefixes;

    @Inject
    PeeringReadiness readiness;

    @Inject
    RouteOrigins origins;

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
        OriginCheck origin = origins.check(e.peering(), e.peeringId, e.prefix);
        return switch (origin.outcome()) {
            case ORIGIN_REGISTERED, NOT_CHECKED -> new Outcome(PrefixValidationState.Verified, origin.reason());
            case NOT_ANNOUNCED -> new Outcome(PrefixValidationState.Warning, origin.reason());
            case OTHER_ORIGIN -> new Outcome(PrefixValidationState.Failed, origin.reason());
                // not decided: the caller leaves it Pending and asks again
            case ASK_AGAIN -> new Outcome(PrefixValidationState.Pending, origin.reason());
        };
    }
}
