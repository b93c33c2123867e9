package dev.peering.registration.service;

import dev.peering.registration.config.RegistrationConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Validates prefixes whose delay is over. The schedule is the {@code validate_at} column, so a restart
 * neither loses nor repeats a validation, and claims take row locks, so instances share the work.
 */
@ApplicationScoped
public class PrefixValidationScheduler {

    @Inject
    PeeringServicePrefixes service;

    @Inject
    RegistrationConfig config;

    @Scheduled(
            every = "${peering.registration.prefix-validation-poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void validateDue() {
        int batch = config.prefixValidationBatchSize();
        while (service.validateDue(batch) == batch) {
            // a full batch: more may be due
        }
    }
}
