package dev.peering.registration.service;

import dev.peering.core.ArmException;
import dev.peering.core.PeeringRef;
import dev.peering.events.RegistrationEvent;
import dev.peering.platform.schedule.DueWork;
import dev.peering.platform.time.TimeSource;
import dev.peering.platform.tracing.Tracing;
import dev.peering.registration.config.RegistrationConfig;
import dev.peering.registration.domain.PrefixKeys;
import dev.peering.registration.domain.PrefixValidationState;
import dev.peering.registration.domain.RegisteredPrefix;
import dev.peering.registration.domain.RegistrationRules;
import dev.peering.registration.domain.Saved;
import dev.peering.registration.mapping.RegistrationReadMapper;
import dev.peering.registration.persistence.PeeringViewRepository.PeeringView;
import dev.peering.registration.persistence.RegisteredPrefixEntity;
import dev.peering.registration.persistence.RegisteredPrefixRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Customer prefixes a provider registers under a peering (ARM registeredPrefixes). A new prefix, or one
 * asked to validate again, is Pending until its validation is due ({@link RegisteredPrefixValidation}
 * decides it); the first time it is usable it gets a Prefix Key for its customer's Peering Service.
 */
@ApplicationScoped
@Transactional
public class RegisteredPrefixService {

    private static final String WHAT = "customer prefixes";

    @Inject
    RegisteredPrefixRepository registeredPrefixes;

    @Inject
    RegisteredPrefixValidation validation;

    @Inject
    PeeringReadiness readiness;

    @Inject
    PeeringServicePrefixes peeringServicePrefixes;

    @Inject
    RegistrationPublisher publisher;

    @Inject
    TimeSource time;

    @Inject
    RegistrationConfig config;

    @Inject
    DueWork dueWork;

    @Inject
    Tracing tracing;

    /**
     * Registers {@code prefix} (already in canonical form) under the peering as {@code name}: 201 and
     * Pending; the same request again returns it as it is (200).
     */
    public Saved<RegisteredPrefix> put(PeeringRef ref, String name, String prefix, String correlationId) {
        PeeringView peering = readiness.lockKnown(ref, WHAT);
        Optional<RegisteredPrefixEntity> existing = registeredPrefixes.findByNameForUpdate(peering.peeringId(), name);
        if (existing.isPresent()) {
            RegisteredPrefixEntity e = existing.get();
            if (!e.prefix.equals(prefix)) {
                throw ArmException.invalidField(
                        "properties.prefix",
                        "cannot change from " + e.prefix + " to " + prefix
                                + "; delete this registered prefix and register the new prefix under a new name.");
            }
            return new Saved<>(RegistrationReadMapper.toDomain(e), false);
        }
        readiness.requireLive(peering, ref.name(), WHAT);
        registeredPrefixes.findByPrefix(peering.peeringId(), prefix).ifPresent(other -> {
            throw ArmException.conflict(
                    "DuplicateRegisteredPrefix",
                    "Duplicate registration of a prefix is not allowed: " + prefix
                            + " is already registered under peering '" + ref.name() + "' as '" + other.name + "'.");
        });
        readiness.requireActiveConnection(peering, ref.name(), WHAT);
        OffsetDateTime now = time.now();
        RegisteredPrefixEntity e = new RegisteredPrefixEntity();
        e.id = UUID.randomUUID().toString();
        e.peeringId = peering.peeringId();
        e.subscriptionId = ref.subscriptionId();
        e.resourceGroup = ref.resourceGroup();
        e.peeringName = ref.name();
        e.name = name;
        e.prefix = prefix;
        e.prefixValidationState = PrefixValidationState.None;
        e.provisioningState = RegistrationRules.SUCCEEDED;
        e.causedBy(correlationId);
        e.createdAt = now;
        // every column is set before the insert: the outbox's native insert flushes the session
        pending(e, correlationId);
        registeredPrefixes.persist(e);
        return new Saved<>(RegistrationReadMapper.toDomain(e), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RegisteredPrefix get(PeeringRef ref, String name) {
        return registeredPrefixes
                .findByName(ref.resourceId(), name)
                .map(RegistrationReadMapper::toDomain)
                .orElseThrow(() -> ArmException.notFound("registered prefix", name));
    }

    /** Up to {@code limit} registered prefixes of the peering with names after {@code after}, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegisteredPrefix> page(PeeringRef ref, String after, int limit) {
        return registeredPrefixes.page(ref.resourceId(), after, limit).stream()
                .map(RegistrationReadMapper::toDomain)
                .toList();
    }

    /** Validates the registered prefix again: Pending now, decided when the validation delay has passed. */
    public RegisteredPrefix validate(PeeringRef ref, String name, String correlationId) {
        RegisteredPrefixEntity e = registeredPrefixes
                .findByNameForUpdate(ref.resourceId(), name)
                .orElseThrow(() -> ArmException.notFound("registered prefix", name));
        e.causedBy(correlationId);
        pending(e, correlationId);
        return RegistrationReadMapper.toDomain(e);
    }

    /**
     * Deletes the registered prefix and revokes its Prefix Key.
     *
     * @return whether there was a registered prefix to delete
     */
    public boolean delete(PeeringRef ref, String name, String correlationId) {
        Optional<RegisteredPrefixEntity> found = registeredPrefixes.findByNameForUpdate(ref.resourceId(), name);
        found.ifPresent(e -> remove(e, RegistrationEvent.REASON_DELETED, correlationId));
        return found.isPresent();
    }

    /** Removes every registered prefix of a peering that is being deprovisioned or is gone. */
    public void revokeAll(String peeringId, String correlationId) {
        for (RegisteredPrefixEntity e : registeredPrefixes.allOfPeeringForUpdate(peeringId)) {
            remove(e, RegistrationEvent.REASON_PEERING_DEPROVISIONED, correlationId);
        }
    }

    /**
     * Decides up to {@code limit} registered prefixes whose validation is due, each in a span that continues
     * the trace of the request that put or re-validated it.
     *
     * @return how many were decided
     */
    public int validateDue(int limit) {
        List<RegisteredPrefixEntity> due = registeredPrefixes.claimDue(time.now(), limit);
        for (RegisteredPrefixEntity e : due) {
            tracing.step(
                    PrefixValidationScheduler.KIND,
                    e.traceparent,
                    e.correlationId,
                    e.subscriptionId,
                    e.resourceId(),
                    () -> decide(e));
        }
        return due.size();
    }

    private void decide(RegisteredPrefixEntity e) {
        e.validateAt = null;
        RegisteredPrefixValidation.Outcome outcome = validation.check(e);
        if (outcome.state() == PrefixValidationState.Pending) {
            // the routes could not be read now: asked again after the validation delay, no change published
            e.validateAt = time.now().plus(config.prefixValidationDelay());
            dueWork.dueAt(PrefixValidationScheduler.KIND, e.validateAt);
            return;
        }
        PrefixValidationState previous = e.prefixValidationState;
        requireTransition(e, outcome.state());
        boolean issued = false;
        if (outcome.state().usable() && e.prefixKey == null) {
            e.prefixKey = PrefixKeys.issue();
            e.prefixKeyHash = PrefixKeys.hash(e.prefixKey);
            issued = true;
        }
        e.prefixValidationState = outcome.state();
        e.errorMessage = outcome.reason();
        e.updatedAt = time.now();
        publisher.registeredPrefixChanged(e, previous, issued, false, e.correlationId);
        if (!outcome.state().usable() && e.prefixKeyHash != null) {
            // its customers' prefixes are verified with the key only while the registered prefix is usable
            peeringServicePrefixes.failPrefixesOfRevokedKey(e.prefixKeyHash, e.correlationId);
        }
    }

    // Validation due at once runs right after this transaction commits, not at the poller's next tick.
    private void pending(RegisteredPrefixEntity e, String correlationId) {
        PrefixValidationState previous = e.prefixValidationState;
        requireTransition(e, PrefixValidationState.Pending);
        e.prefixValidationState = PrefixValidationState.Pending;
        e.errorMessage = null;
        e.updatedAt = time.now();
        e.validateAt = e.updatedAt.plus(config.prefixValidationDelay());
        dueWork.dueAt(PrefixValidationScheduler.KIND, e.validateAt);
        publisher.registeredPrefixChanged(e, previous, false, false, correlationId);
    }

    private static void requireTransition(RegisteredPrefixEntity e, PrefixValidationState next) {
        if (!e.prefixValidationState.canMoveTo(next)) {
            throw ArmException.conflict(
                    "InvalidPrefixValidationStateTransition",
                    "Registered prefix '" + e.name + "' is " + e.prefixValidationState + " and cannot become " + next
                            + ".");
        }
    }

    private void remove(RegisteredPrefixEntity e, String reason, String correlationId) {
        registeredPrefixes.delete(e);
        registeredPrefixes.flush();
        publisher.registeredPrefixDeleted(e, reason, correlationId);
        if (e.prefixKeyHash != null) {
            peeringServicePrefixes.failPrefixesOfRevokedKey(e.prefixKeyHash, correlationId);
        }
    }
}
