package dev.peering.registration.service;

import dev.peering.core.ArmException;
import dev.peering.core.PeeringRef;
import dev.peering.platform.schedule.DueWork;
import dev.peering.platform.time.TimeSource;
import dev.peering.platform.tracing.Tracing;
import dev.peering.registration.config.RegistrationConfig;
import dev.peering.registration.domain.OriginCheck;
import dev.peering.registration.domain.PeeringServicePrefix;
import dev.peering.registration.domain.PeeringServiceRef;
import dev.peering.registration.domain.PrefixEvent;
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
import dev.peering.registration.persistence.PrefixEventEntity;
import dev.peering.registration.persistence.PrefixEventRepository;
import dev.peering.registration.persistence.RegisteredAsnEntity;
import dev.peering.registration.persistence.RegisteredAsnRepository;
import dev.peering.registration.persistence.RegisteredPrefixRepository;
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
    /** Verified with its origin ASN seen on the provider's route server sessions (ADR 0020). */
    public static final String LEARNED_VIA_SESSION = "ViaSession";

    /** Whose Prefix Key verifies a prefix: a peering, and the registered prefix it must be within, if any. */
    private record KeyOwner(PeeringRef peering, String peeringId, String covering) {}

    @Inject
    PeeringServiceRepository services;

    @Inject
    PeeringServicePrefixRepository prefixes;

    @Inject
    RegisteredAsnRepository registeredAsns;

    @Inject
    RegisteredPrefixRepository registeredPrefixes;

    @Inject
    PrefixEventRepository history;

    @Inject
    RouteOrigins origins;

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
    public PeeringServicePrefix getPrefix(PeeringServiceRef ref, String name, boolean withEvents) {
        PeeringServiceEntity service = findService(ref);
        return prefixes.findByName(service.id, name)
                .map(e -> toDomain(e, withEvents))
                .orElseThrow(() -> ArmException.notFound("Peering Service prefix", name));
    }

    /** Up to {@code limit} prefixes of the Peering Service with names after {@code after}, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PeeringServicePrefix> pagePrefixes(PeeringServiceRef ref, String after, int limit, boolean withEvents) {
        PeeringServiceEntity service = findService(ref);
        return prefixes.page(service.id, after, limit).stream()
                .map(e -> toDomain(e, withEvents))
                .toList();
    }

    private PeeringServicePrefix toDomain(PeeringServicePrefixEntity e, boolean withEvents) {
        return withEvents ? RegistrationReadMapper.toDomain(e, history.of(e.id)) : RegistrationReadMapper.toDomain(e);
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

    /** Deletes every prefix of a Peering Service, each with its event. */
    void deleteAllOf(String peeringServiceId, String correlationId) {
        for (PeeringServicePrefixEntity p : prefixes.allOfServiceForUpdate(peeringServiceId)) {
            deletePrefix(p, correlationId);
        }
        prefixes.flush();
    }

    /** A revoked (or no longer usable) key fails every prefix that was verified with it. */
    void failPrefixesOfRevokedKey(String prefixKeyHash, String correlationId) {
        for (PeeringServicePrefixEntity e : prefixes.usingKeyForUpdate(prefixKeyHash)) {
            if (e.prefixValidationState.usable()) {
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

    /**
     * The checks, in order, the first that fails deciding (the README's "Prefix validation" says the same): the
     * prefix can be routed (else Invalid); its key is the key of a registered ASN, or of a usable registered
     * prefix that covers it (else Failed); no other customer has the prefix (or an overlapping one) usable
     * (Verified or Warning; else Failed); its origin ASN, read from the routes the key's peering announces, is a registered ASN of
     * that peering (else Failed; not announced: Warning; no routes to read: Verified, saying the origin was not
     * checked; routes not readable now: still Pending, asked again).
     */
    private void validate(PeeringServicePrefixEntity e) {
        e.validateAt = null;
        PrefixRules.Prefix prefix = PrefixRules.parse(e.prefix);
        Optional<String> badPrefix = PrefixRules.whyNotAcceptable(prefix);
        if (badPrefix.isPresent()) {
            moveTo(e, PrefixValidationState.Invalid, LEARNED_NONE, badPrefix.get(), e.correlationId);
            return;
        }
        Optional<KeyOwner> owner = keyOwner(e.prefixKeyHash);
        if (owner.isEmpty()) {
            moveTo(e, PrefixValidationState.Failed, LEARNED_NONE, INVALID_KEY_MESSAGE, e.correlationId);
            return;
        }
        if (owner.get().covering() != null
                && !prefix.within(PrefixRules.parse(owner.get().covering()))) {
            moveTo(e, PrefixValidationState.Failed, LEARNED_NONE, outsideRegisteredPrefix(e), e.correlationId);
            return;
        }
        Optional<PeeringServicePrefixEntity> taken =
                prefixes.usableOverlappingOfOthers(e.subscriptionId, e.prefix).stream()
                        .findFirst();
        if (taken.isPresent()) {
            moveTo(e, PrefixValidationState.Failed, LEARNED_NONE, takenMessage(taken.get()), e.correlationId);
            return;
        }
        OriginCheck origin = origins.check(owner.get().peering(), owner.get().peeringId(), e.prefix);
        switch (origin.outcome()) {
            case ORIGIN_REGISTERED -> moveTo(
                    e, PrefixValidationState.Verified, LEARNED_VIA_SESSION, null, e.correlationId);
            case NOT_CHECKED -> moveTo(
                    e, PrefixValidationState.Verified, LEARNED_VIA_SERVICE_PROVIDER, origin.reason(), e.correlationId);
            case NOT_ANNOUNCED -> moveTo(
                    e, PrefixValidationState.Warning, LEARNED_VIA_SERVICE_PROVIDER, origin.reason(), e.correlationId);
            case OTHER_ORIGIN -> moveTo(
                    e, PrefixValidationState.Failed, LEARNED_NONE, origin.reason(), e.correlationId);
            case ASK_AGAIN -> scheduleValidation(e, time.now());
        }
    }

    private Optional<KeyOwner> keyOwner(String prefixKeyHash) {
        Optional<RegisteredAsnEntity> asn = registeredAsns.findByKeyHash(prefixKeyHash);
        if (asn.isPresent()) {
            return Optional.of(new KeyOwner(asn.get().peering(), asn.get().peeringId, null));
        }
        return registeredPrefixes
                .findByKeyHash(prefixKeyHash)
                .filter(r -> r.prefixValidationState.usable())
                .map(r -> new KeyOwner(r.peering(), r.peeringId, r.prefix));
    }

    // names the overlapping prefix, never its owner
    private static String takenMessage(PeeringServicePrefixEntity other) {
        return "The prefix overlaps " + other.prefix + ", which another customer's Peering Service already has"
                + " verified; a prefix belongs to one customer.";
    }

    // names neither the provider nor its registered prefix: the customer learns only that its own prefix is not covered
    private static String outsideRegisteredPrefix(PeeringServicePrefixEntity e) {
        return "The prefix " + e.prefix + " is not within the prefix your service provider registered for this"
                + " Prefix Key; ask your provider to register a prefix that covers it.";
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
        record(e, PrefixEvent.of(e.updatedAt, previous, next, errorMessage));
        publisher.prefixValidationStateChanged(e, previous, correlationId);
    }

    // the prefix's own history (ARM events), beside the event on the topic, in the same transaction
    private void record(PeeringServicePrefixEntity e, PrefixEvent event) {
        PrefixEventEntity row = new PrefixEventEntity();
        row.prefixId = e.id;
        row.eventTimestamp = event.eventTimestamp();
        row.eventType = event.eventType();
        row.eventSummary = event.eventSummary();
        row.eventLevel = event.eventLevel();
        row.eventDescription = event.eventDescription();
        history.persist(row);
    }

    private void deletePrefix(PeeringServicePrefixEntity e, String correlationId) {
        history.deleteOf(e.id);
        prefixes.delete(e);
        publisher.prefixDeleted(e, correlationId);
    }
}
