package dev.peering.registration.service;

import dev.peering.events.RegistrationEvent;
import dev.peering.platform.metrics.AfterCommit;
import dev.peering.platform.metrics.PeriodicGauges;
import dev.peering.registration.domain.PrefixValidationState;
import dev.peering.registration.persistence.PeeringServicePrefixRepository;
import dev.peering.registration.persistence.RegisteredAsnRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The business metrics of registrations (README, What to watch): {@code peering_prefix_keys_issued_total},
 * {@code peering_prefix_keys_revoked_total{reason}} (counted once committed, per instance), {@code
 * peering_registered_asns} (the live Prefix Keys) and {@code peering_prefixes{state}} (Peering Service
 * prefixes by validation state), the gauges one aggregate query per refresh interval. No key is ever a tag.
 */
@ApplicationScoped
public class RegistrationMetrics {

    @Inject
    RegisteredAsnRepository registeredAsns;

    @Inject
    PeeringServicePrefixRepository prefixes;

    @Inject
    PeriodicGauges gauges;

    @Inject
    AfterCommit afterCommit;

    @Inject
    MeterRegistry registry;

    private Counter issued;
    private final Map<String, Counter> revoked = new ConcurrentHashMap<>();

    void start(@Observes StartupEvent startup) {
        gauges.register(
                "peering.prefixes",
                "Peering Service prefixes in each prefixValidationState",
                List.of("state"),
                PeriodicGauges.each(PrefixValidationState.class),
                prefixes::countByValidationState);
        gauges.register(
                "peering.registered.asns",
                "Registered customer ASNs, each with its live Prefix Key",
                List.of(),
                List.of(List.of()),
                () -> List.<Object[]>of(new Object[] {registeredAsns.count()}));
        issued = Counter.builder("peering.prefix.keys.issued")
                .description("Prefix Keys issued to registered customer ASNs")
                .register(registry);
        for (String reason :
                List.of(RegistrationEvent.REASON_DELETED, RegistrationEvent.REASON_PEERING_DEPROVISIONED)) {
            revoked(reason);
        }
    }

    public void prefixKeyIssued() {
        afterCommit.run(issued::increment);
    }

    public void prefixKeyRevoked(String reason) {
        Counter counter = revoked(reason);
        afterCommit.run(counter::increment);
    }

    private Counter revoked(String reason) {
        return revoked.computeIfAbsent(reason, r -> Counter.builder("peering.prefix.keys.revoked")
                .description("Prefix Keys revoked, by reason")
                .tag("reason", r)
                .register(registry));
    }
}
