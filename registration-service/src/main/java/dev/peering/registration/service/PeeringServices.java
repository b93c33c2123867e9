package dev.peering.registration.service;

import dev.peering.core.ArmException;
import dev.peering.core.Tags;
import dev.peering.platform.persistence.ResourceLocks;
import dev.peering.platform.time.TimeSource;
import dev.peering.reference.PeeringServiceCatalog;
import dev.peering.registration.domain.CatalogRules;
import dev.peering.registration.domain.PeeringService;
import dev.peering.registration.domain.PeeringServiceRef;
import dev.peering.registration.domain.PeeringServiceSpec;
import dev.peering.registration.domain.RegistrationRules;
import dev.peering.registration.domain.Saved;
import dev.peering.registration.mapping.RegistrationReadMapper;
import dev.peering.registration.persistence.PeeringServiceEntity;
import dev.peering.registration.persistence.PeeringServiceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The customer's Peering Services (ARM PeeringServices): create, update its tags, read, list, delete. */
@ApplicationScoped
@Transactional
public class PeeringServices {

    @Inject
    ResourceLocks locks;

    @Inject
    PeeringServiceRepository services;

    @Inject
    PeeringServicePrefixes prefixes;

    @Inject
    TimeSource time;

    @Inject
    PeeringServiceCatalog catalog;

    public Saved<PeeringService> putService(PeeringServiceRef ref, PeeringServiceSpec spec) {
        CatalogRules.requireInCatalog(catalog, spec);
        locks.lock(ref.resourceId());
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
            apply(e, spec);
            e.updatedAt = now;
            return new Saved<>(RegistrationReadMapper.toDomain(e), false);
        }
        PeeringServiceEntity e = new PeeringServiceEntity();
        e.id = UUID.randomUUID().toString();
        e.subscriptionId = ref.subscriptionId();
        e.resourceGroup = ref.resourceGroup();
        e.name = ref.name();
        e.location = spec.location();
        apply(e, spec);
        e.provisioningState = RegistrationRules.SUCCEEDED;
        e.createdAt = now;
        e.updatedAt = now;
        services.persist(e);
        return new Saved<>(RegistrationReadMapper.toDomain(e), true);
    }

    // everything a PUT sets, as sent: a property left out is cleared, as ARM's PUT replaces the resource
    private static void apply(PeeringServiceEntity e, PeeringServiceSpec spec) {
        e.skuName = spec.skuName();
        e.tags = spec.tags();
        e.peeringServiceLocation = spec.peeringServiceLocation();
        e.peeringServiceProvider = spec.peeringServiceProvider();
        e.providerPrimaryPeeringLocation = spec.providerPrimaryPeeringLocation();
        e.providerBackupPeeringLocation = spec.providerBackupPeeringLocation();
    }

    /** ARM's PeeringServices_Update: the tags, and nothing else, replaced. */
    public PeeringService updateTags(PeeringServiceRef ref, Tags tags) {
        PeeringServiceEntity e = services.findByRefForUpdate(ref)
                .orElseThrow(() -> ArmException.notFound("Peering Service", ref.name()));
        e.tags = tags;
        e.updatedAt = time.now();
        return RegistrationReadMapper.toDomain(e);
    }

    /** Up to {@code limit} Peering Services of a resource group with names after {@code after}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PeeringService> pageServices(String subscriptionId, String resourceGroup, String after, int limit) {
        return services.pageByResourceGroup(subscriptionId, resourceGroup, after, limit).stream()
                .map(RegistrationReadMapper::toDomain)
                .toList();
    }

    /** Up to {@code limit} Peering Services of a subscription with resource ids after {@code after}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PeeringService> pageServices(String subscriptionId, String after, int limit) {
        return services.pageBySubscription(subscriptionId, after, limit).stream()
                .map(RegistrationReadMapper::toDomain)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PeeringService getService(PeeringServiceRef ref) {
        return services.findByRef(ref)
                .map(RegistrationReadMapper::toDomain)
                .orElseThrow(() -> ArmException.notFound("Peering Service", ref.name()));
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
        prefixes.deleteAllOf(found.get().id, correlationId);
        services.delete(found.get());
        return true;
    }
}
