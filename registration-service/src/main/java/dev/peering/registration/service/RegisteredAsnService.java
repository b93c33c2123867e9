package dev.peering.registration.service;

import dev.peering.core.ArmException;
import dev.peering.core.PeeringRef;
import dev.peering.events.RegistrationEvent;
import dev.peering.platform.time.TimeSource;
import dev.peering.registration.domain.PrefixKeys;
import dev.peering.registration.domain.RegisteredAsn;
import dev.peering.registration.domain.RegistrationRules;
import dev.peering.registration.domain.Saved;
import dev.peering.registration.mapping.RegistrationReadMapper;
import dev.peering.registration.persistence.PeeringViewRepository.PeeringView;
import dev.peering.registration.persistence.RegisteredAsnEntity;
import dev.peering.registration.persistence.RegisteredAsnRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registered ASNs of a peering and their Prefix Keys. Whether a peering can take registrations is
 * decided from this service's view of peerings and connections, which the event handlers keep.
 */
@ApplicationScoped
@Transactional
public class RegisteredAsnService {

    @Inject
    RegisteredAsnRepository registeredAsns;

    @Inject
    PeeringReadiness readiness;

    @Inject
    PeeringServicePrefixes peeringServicePrefixes;

    @Inject
    RegistrationPublisher publisher;

    @Inject
    TimeSource time;

    @Inject
    RegistrationMetrics metrics;

    /**
     * Registers customer ASN {@code asn} (already checked to be public) under the peering as
     * {@code name}, issuing its Prefix Key; the same request again returns the registration as it is.
     */
    public Saved<RegisteredAsn> put(PeeringRef ref, String name, long asn, String correlationId) {
        PeeringView peering = readiness.lockKnown(ref, "customer ASNs");
        Optional<RegisteredAsnEntity> existing = registeredAsns.findByNameForUpdate(peering.peeringId(), name);
        if (existing.isPresent()) {
            RegisteredAsnEntity e = existing.get();
            if (e.asn != asn) {
                throw ArmException.invalidField(
                        "properties.asn",
                        "cannot change from " + e.asn + " to " + asn
                                + "; delete this registered ASN and register the new ASN under a new name.");
            }
            return new Saved<>(RegistrationReadMapper.toDomain(e), false);
        }
        readiness.requireLive(peering, ref.name(), "customer ASNs");
        registeredAsns.findByAsn(peering.peeringId(), asn).ifPresent(other -> {
            throw ArmException.conflict(
                    "DuplicateRegisteredAsn",
                    "Duplicate registration of an ASN is not allowed: ASN " + asn
                            + " is already registered under peering '" + ref.name() + "' as '" + other.name
                            + "'.");
        });
        readiness.requireActiveConnection(peering, ref.name(), "customer ASNs");
        OffsetDateTime now = time.now();
        RegisteredAsnEntity e = new RegisteredAsnEntity();
        e.id = UUID.randomUUID().toString();
        e.peeringId = peering.peeringId();
        e.subscriptionId = ref.subscriptionId();
        e.resourceGroup = ref.resourceGroup();
        e.peeringName = ref.name();
        e.name = name;
        e.asn = asn;
        e.prefixKey = PrefixKeys.issue();
        e.prefixKeyHash = PrefixKeys.hash(e.prefixKey);
        e.provisioningState = RegistrationRules.SUCCEEDED;
        e.causedBy(correlationId);
        e.createdAt = now;
        e.updatedAt = now;
        registeredAsns.persist(e);
        publisher.asnRegistered(e, correlationId);
        metrics.prefixKeyIssued();
        return new Saved<>(RegistrationReadMapper.toDomain(e), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RegisteredAsn get(PeeringRef ref, String name) {
        return registeredAsns
                .findByName(ref.resourceId(), name)
                .map(RegistrationReadMapper::toDomain)
                .orElseThrow(() -> ArmException.notFound("registered ASN", name));
    }

    /** Up to {@code limit} registered ASNs of the peering with names after {@code after}, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegisteredAsn> page(PeeringRef ref, String after, int limit) {
        return registeredAsns.page(ref.resourceId(), after, limit).stream()
                .map(RegistrationReadMapper::toDomain)
                .toList();
    }

    /**
     * Deletes the registered ASN and revokes its Prefix Key.
     *
     * @return whether there was a registered ASN to delete
     */
    public boolean delete(PeeringRef ref, String name, String correlationId) {
        Optional<RegisteredAsnEntity> found = registeredAsns.findByNameForUpdate(ref.resourceId(), name);
        if (found.isEmpty()) {
            return false;
        }
        revoke(found.get(), RegistrationEvent.REASON_DELETED, correlationId);
        return true;
    }

    /** Revokes every registered ASN of a peering that is being deprovisioned or is gone. */
    public void revokeAll(String peeringId, String correlationId) {
        for (RegisteredAsnEntity e : registeredAsns.allOfPeeringForUpdate(peeringId)) {
            revoke(e, RegistrationEvent.REASON_PEERING_DEPROVISIONED, correlationId);
        }
    }

    private void revoke(RegisteredAsnEntity e, String reason, String correlationId) {
        registeredAsns.delete(e);
        registeredAsns.flush();
        publisher.asnUnregistered(e, reason, correlationId);
        metrics.prefixKeyRevoked(reason);
        peeringServicePrefixes.failPrefixesOfRevokedKey(e.prefixKeyHash, correlationId);
    }
}
