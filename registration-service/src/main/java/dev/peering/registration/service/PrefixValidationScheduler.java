package dev.peering.registration.service;

import dev.peering.platform.schedule.DueWorker;
import dev.peering.registration.config.RegistrationConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Validates prefixes whose delay is over: customers' Peering Service prefixes and providers' registered
 * prefixes, one kind of due work. The schedule is the {@code validate_at} column, so a restart
 * neither loses nor repeats a validation, and claims take row locks, so instances share the work. A
 * prefix due at once is validated right after the commit that made it due ({@code DueWork}); the poll
 * is the safety net for restarts and for the delays that run out later.
 */
@ApplicationScoped
public class PrefixValidationScheduler implements DueWorker {

    /** The prefix validations, as {@code DueWork} names them. */
    public static final String KIND = "prefix-validation";

    @Inject
    PeeringServicePrefixes service;

    @Inject
    RegisteredPrefixService registeredPrefixes;

    @Inject
    RegistrationConfig config;

    @Scheduled(
            every = "${peering.registration.prefix-validation-poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void validateDue() {
        runDue();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int batchSize() {
        return config.prefixValidationBatchSize();
    }

    @Override
    public int takeDue(int limit) {
        // registered prefixes first: a customer's prefix may use the key their validation issues
        int registered = registeredPrefixes.validateDue(limit);
        return registered + service.validateDue(Math.max(0, limit - registered));
    }
}
