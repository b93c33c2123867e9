package dev.peering.registration.service;

import dev.peering.events.RegistrationEvent;
import dev.peering.platform.outbox.Outbox;
import dev.peering.registration.domain.PrefixValidationState;
import dev.peering.registration.mapping.RegistrationEventMapper;
import dev.peering.registration.persistence.PeeringServicePrefixEntity;
import dev.peering.registration.persistence.RegisteredAsnEntity;
import dev.peering.registration.persistence.RegisteredPrefixEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one writer to the outbox, in the caller's transaction. Registered-ASN and registered-prefix events
 * are keyed by the peering, prefix events by the Peering Service, so each one's events stay in order on the topic.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RegistrationPublisher {

    @Inject
    Outbox outbox;

    /** Registered ASNs' snapshots (ADR 0022); registered prefixes and Peering Service prefixes have none yet. */
    @ConfigProperty(name = "peering.state-topics.registered-asns")
    String stateTopic;

    public void asnRegistered(RegisteredAsnEntity e, String correlationId) {
        outbox.publish(
                e.peeringId,
                RegistrationEvent.ASN_REGISTERED,
                e.resourceId(),
                e.subscriptionId,
                correlationId,
                RegistrationEventMapper.toEvent(e, true, null));
        outbox.snapshot(
                stateTopic,
                RegistrationEvent.REGISTERED_ASN_STATE,
                e.resourceId(),
                e.subscriptionId,
                correlationId,
                RegistrationEventMapper.toEvent(e, true, null));
    }

    public void asnUnregistered(RegisteredAsnEntity e, String reason, String correlationId) {
        outbox.publish(
                e.peeringId,
                RegistrationEvent.ASN_UNREGISTERED,
                e.resourceId(),
                e.subscriptionId,
                correlationId,
                RegistrationEventMapper.toEvent(e, false, reason));
        outbox.tombstone(stateTopic, e.resourceId());
    }

    public void prefixValidationStateChanged(
            PeeringServicePrefixEntity e, PrefixValidationState previous, String correlationId) {
        outbox.publish(
                e.peeringService().resourceId(),
                RegistrationEvent.PREFIX_VALIDATION_STATE_CHANGED,
                e.resourceId(),
                e.subscriptionId,
                correlationId,
                RegistrationEventMapper.toEvent(e, previous.name()));
    }

    public void prefixDeleted(PeeringServicePrefixEntity e, String correlationId) {
        outbox.publish(
                e.peeringService().resourceId(),
                RegistrationEvent.PREFIX_DELETED,
                e.resourceId(),
                e.subscriptionId,
                correlationId,
                RegistrationEventMapper.toEvent(e, e.prefixValidationState.name()));
    }

    public void registeredPrefixChanged(
            RegisteredPrefixEntity e,
            PrefixValidationState previous,
            boolean keyIssued,
            boolean keyRevoked,
            String correlationId) {
        outbox.publish(
                e.peeringId,
                RegistrationEvent.REGISTERED_PREFIX_VALIDATION_STATE_CHANGED,
                e.resourceId(),
                e.subscriptionId,
                correlationId,
                RegistrationEventMapper.toEvent(e, previous.name(), keyIssued, keyRevoked, e.provisioningState, null));
    }

    public void registeredPrefixDeleted(RegisteredPrefixEntity e, String reason, String correlationId) {
        outbox.publish(
                e.peeringId,
                RegistrationEvent.REGISTERED_PREFIX_DELETED,
                e.resourceId(),
                e.subscriptionId,
                correlationId,
                RegistrationEventMapper.toEvent(
                        e, e.prefixValidationState.name(), false, e.prefixKeyHash != null, "Deleting", reason));
    }
}
