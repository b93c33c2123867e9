package dev.peering.registration.service;

import dev.peering.core.ArmException;
import dev.peering.platform.schedule.DueWork;
import dev.peering.platform.time.TimeSource;
import dev.peering.platform.tracing.Tracing;
import dev.peering.registration.config.RegistrationConfig;
import dev.peering.registration.domain.PeeringService;
import dev.peering.registration.domain.PeeringServicePrefix;
import dev.peering.registration.domain.PeeringServiceRef;
import dev.peering.registration.domain.PeeringServiceSpec;
import dev.peering.registration.domain.PrefixKeys;
import dev.peering.registration.domain.PrefixRules;
import dev.peering.registration.domain.PrefixSpec;
import dev.peering.registration.domain.PrefixValidationState;
import dev.peering.registration.domain.RegistrationRules;
import dev.peering.registration.domain.Saved;
import dev.peering.registration.mapping.RegistrationReadMapper;
import dev.peering.registration.persistence.PeeringServiceEntity;
import dev.peering.registration.persistence.PeeringServicePrefixEntity;
import dev.peering.registration.persistence.PeeringServicePrefixRepository;
import dev.peering.registration.persistence.PeeringServiceRepository;
import dev.peering.registration.persistence.RegisteredAsnRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The customer's side: Peering Services and their prefixes, validated against the Prefix Keys of live
 * registered ASNs. An unknown key and a revoked key get the same answer, and no answer names the
 * provider or its ASN.
 */
@ApplicationScoped
@Transactional
public class PeeringServicePrefixes {

    /** The one answer for a key that is not (or no longer) the key of a registered ASN. */
    public static final String INVALID_KEY_MESSAGE = "The peeringServicePrefixKey is not valid: ask your service"
            + " provider for the Prefix Key of your registered ASN and update the prefix with it.";

    public static final String LEARNED_NONE = "None";
    public static final String LEARNED_VIA_SERVICE_PROVIDER = "ViaServiceProvider";

    @Inject
    PeeringServiceRepository services;

    @Inject
    PeeringServicePrefixRepository prefixes;

    @Inject
    RegisteredAsnRepository registeredAsns;

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

    public Saved<PeeringService> putService(PeeringServiceRef ref, PeeringServiceSpec spec) {
        Optional<PeeringServiceEntity> existing = services.findByRefForUpdate(ref);
        OffsetDateTime now = time.now();
        if (existing.isPresent()) {
            PeeringServiceEntity e = existing.get();
            if (!e.location.equals(spec.location())) {
                throw ArmException.invalidField(
                        "location",
                        "cannot change from '" + e.location + "' to '" + spec.location()
                                + "'; create a new Peering Service in the other location.");
            }
            e.peeringServiceLocation = spec.peeringServiceLocation();
            e.peeringServiceProvider = spec.peeringServiceProvider();
            e.updatedAt = now;
            return new Saved<>(RegistrationReadMapper.toDomain(e), false);
        }
        PeeringServiceEntity e = new PeeringServiceEntity();
        e.id = UUID.randomUUID().toString();
        e.subscriptionId = ref.subscriptionId();
        e.resourceGroup = ref.resourceGroup();
        e.name = ref.name();
        e.location = spec.location();
        e.peeringServiceLocation = spec.peeringServiceLocation();
        e.peeringServiceProvider = spec.peeringServiceProvider();
        e.provisioningState = RegistrationRules.SUCCEEDED;
        e.createdAt = now;
        e.updatedAt = now;
        services.persist(e);
        return new Saved<>(RegistrationReadMapper.toDomain(e), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PeeringService getService(PeeringServiceRef ref) {
        return RegistrationReadMapper.toDomain(findService(ref));
    }

    /**
     * Deletes the Peering Service and its prefixes.
     *
     * @return whether there was a Peering Service to delete
     */
    public boolean deleteService(PeeringServiceRef ref, String correlationId) {
        Optional<PeeringServiceEntity> found = services.findByRefForUpdate(ref);
        if (found.isEmpty()) {
            return false;
        }
        for (PeeringServicePrefixEntity p : prefixes.allOfServiceForUpdate(found.get().id)) {
            deletePrefix(p, correlationId);
        }
        prefixes.flush();
        services.delete(found.get());
        return true;
    }

    /** Creates or changes a prefix; a new prefix or key is Pending until it is validated. */
    public Saved<PeeringServicePrefix> putPrefix(
            PeeringServiceRef ref, String name, PrefixSpec spec, String correlationId) {
        // the Peering Service locked: concurrent PUTs of its prefixes serialise, so neither trips a unique key
        PeeringServiceEntity service = services.findByRefForUpdate(ref)
                .orElseThrow(() -> ArmException.notFound("Peering Service", ref.name()));
        String key = PrefixKeys.normalize(spec.peeringServicePrefixKey());
        prefixes.findByPrefix(service.id, spec.prefix())
                .filter(other -> !other.name.equals(name))
                .ifPresent(other -> {
                    throw ArmException.conflict(
                            "PrefixAlreadyExists",
                            "The prefix " + spec.prefix() + " is already in this Peering Service as '" + other.name
                                    + "'.");
                });
        Optional<PeeringServicePrefixEntity> existing = prefixes.findByNameForUpdate(service.id, name);
        OffsetDateTime now = time.now();
        if (existing.isPresent()) {
            PeeringServicePrefixEntity e = existing.get();
            if (e.prefix.equals(spec.prefix()) && e.prefixKey.equals(key)) {
                return new Saved<>(RegistrationReadMapper.toDomain(e), false);
            }
            e.prefix = spec.prefix();
            e.prefixKey = key;
            e.prefixKeyHash = PrefixKeys.hash(key);
            e.causedBy(correlationId);
            scheduleValidation(e, now);
            moveTo(e, PrefixValidationState.Pending, LEARNED_NONE, null, correlationId);
            return new Saved<>(RegistrationReadMapper.toDomain(e), false);
        }
        PeeringServicePrefixEntity e = new PeeringServicePrefixEntity();
        e.id = UUID.randomUUID().toString();
        e.peeringServiceId = service.id;
        e.subscriptionId = ref.subscriptionId();
        e.resourceGroup = ref.resourceGroup();
        e.peeringServiceName = ref.name();
        e.name = name;
        e.prefix = spec.prefix();
        e.prefixKey = key;
        e.prefixKeyHash = PrefixKeys.hash(key);
        e.prefixValidationState = PrefixValidationState.None;
        e.provisioningState = RegistrationRules.SUCCEEDED;
        e.causedBy(correlationId);
        e.createdAt = now;
        scheduleValidation(e, now);
        // every column is set before the insert: the outbox's native insert flushes the session
        moveTo(e, PrefixValidationState.Pending, LEARNED_NONE, null, correlationId);
        prefixes.persist(e);
        return new Saved<>(RegistrationReadMapper.toDomain(e), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PeeringServicePrefix getPrefix(PeeringServiceRef ref, String name) {
        PeeringServiceEntity service = findService(ref);
        return prefixes.findByName(service.id, name)
                .map(RegistrationReadMapper::toDomain)
                .orElseThrow(() -> ArmException.notFound("Peering Service prefix", name));
    }

    /** Up to {@code limit} prefixes of the Peering Service with names after {@code after}, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PeeringServicePrefix> pagePrefixes(PeeringServiceRef ref, String after, int limit) {
        PeeringServiceEntity service = findService(ref);
        return prefixes.page(service.id, after, limit).stream()
                .map(RegistrationReadMapper::toDomain)
                .toList();
    }

    /** @return whether there was a prefix to delete */
    public boolean deletePrefix(PeeringServiceRef ref, String name, String correlationId) {
        Optional<PeeringServiceEntity> service = services.findByRef(ref);
        if (service.isEmpty()) {
            return false;
        }
        Optional<PeeringServicePrefixEntity> found = prefixes.findByNameForUpdate(service.get().id, name);
        found.ifPresent(p -> deletePrefix(p, correlationId));
        return found.isPresent();
    }

    /**
     * Validates up to {@code limit} prefixes whose validation is due, each with its event, in a span that
     * continues the trace of the request that put the prefix or its key.
     *
     * @return how many were validated
     */
    public int validateDue(int limit) {
        List<PeeringServicePrefixEntity> due = prefixes.claimDue(time.now(), limit);
        for (PeeringServicePrefixEntity e : due) {
            tracing.step(
                    PrefixValidationScheduler.KIND,
                    e.traceparent,
                    e.correlationId,
                    e.subscriptionId,
                    e.resourceId(),
                    () -> validate(e));
        }
        return due.size();
    }

    /** A revoked key fails every prefix that was verified with it. */
    void failPrefixesOfRevokedKey(String prefixKeyHash, String correlationId) {
        for (PeeringServicePrefixEntity e : prefixes.usingKeyForUpdate(prefixKeyHash)) {
            if (e.prefixValidationState == PrefixValidationState.Verified) {
                moveTo(e, PrefixValidationState.Failed, LEARNED_NONE, INVALID_KEY_MESSAGE, correlationId);
            }
        }
    }

    private PeeringServiceEntity findService(PeeringServiceRef ref) {
        return services.findByRef(ref).orElseThrow(() -> ArmException.notFound("Peering Service", ref.name()));
    }

    // Validation due at once runs right after this transaction commits, not at the poller's next tick.
    private void scheduleValidation(PeeringServicePrefixEntity e, OffsetDateTime now) {
        e.validateAt = now.plus(config.prefixValidationDelay());
        dueWork.dueAt(PrefixValidationScheduler.KIND, e.validateAt);
    }

    private void validate(PeeringServicePrefixEntity e) {
        e.validateAt = null;
        Optional<String> badPrefix = PrefixRules.whyNotAcceptable(PrefixRules.parse(e.prefix));
        if (badPrefix.isPresent()) {
            moveTo(e, PrefixValidationState.Failed, LEARNED_NONE, badPrefix.get(), e.correlationId);
        } else if (registeredAsns.findByKeyHash(e.prefixKeyHash).isPresent()) {
            moveTo(e, PrefixValidationState.Verified, LEARNED_VIA_SERVICE_PROVIDER, null, e.correlationId);
        } else {
            moveTo(e, PrefixValidationState.Failed, LEARNED_NONE, INVALID_KEY_MESSAGE, e.correlationId);
        }
    }

    private void moveTo(
            PeeringServicePrefixEntity e,
            PrefixValidationState next,
            String learnedType,
            String errorMessage,
            String correlationId) {
        PrefixValidationState previous = e.prefixValidationState;
        if (!previous.canMoveTo(next)) {
            throw ArmException.conflict(
                    "InvalidPrefixValidationStateTransition",
                    "Prefix '" + e.name + "' is " + previous + " and cannot become " + next + ".");
        }
        e.prefixValidationState = next;
        e.learnedType = learnedType;
        e.errorMessage = errorMessage;
        e.updatedAt = time.now();
        publisher.prefixValidationStateChanged(e, previous, correlationId);
    }

    private void deletePrefix(PeeringServicePrefixEntity e, String correlationId) {
        prefixes.delete(e);
        publisher.prefixDeleted(e, correlationId);
    }
}
