package dev.peering.faultsuite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The knobs of a run, as system properties ({@code -Dfault.workflows=1000}); the defaults are the small
 * run of {@code .ci/run}.
 *
 * @param spread the time over which the workflows start, and over which the faults start
 * @param sessionTimeout the consumers' session timeout; the frozen service stays frozen for {@code frozenFor}
 * @param convergeWithin the bound between the end of the last fault and a converged system
 * @param stepTimeout how long one workflow step may take before the workflow counts as stuck
 * @param sendTimeout the services' outbox send timeout (their producers' {@code delivery.timeout.ms});
 *     the broker stays frozen for {@code brokerFrozenFor}, longer than that
 */
public record SuiteOptions(
        int workflows,
        long seed,
        Path root,
        Path dataDir,
        Duration spread,
        Duration sessionTimeout,
        Duration frozenFor,
        Duration killedFor,
        Duration brokerDownFor,
        Duration postgresDownFor,
        Duration brokerFrozenFor,
        Duration sendTimeout,
        Duration convergeWithin,
        Duration stepTimeout,
        Map<String, String> delays,
        int instances,
        int brokers) {

    public static final String USAGE =
            """
            Fault suite options (system properties):
              fault.workflows        number of seed workflows (default 16; the large run: 1000)
              fault.seed             random seed of the fault schedule (the pom fixes it; without
                                     the pom's value: random; always printed)
              fault.root             repository root with the built services (default ..)
              fault.data-dir         data folder, wiped first, named fault-run* (default target/fault-run)
              fault.spread           time over which workflows and faults start (default PT60S)
              fault.session-timeout  consumers' session.timeout.ms (default PT10S; PT45S is Kafka's default)
              fault.frozen-for       how long one service is frozen with SIGSTOP (default PT15S)
              fault.killed-for       pause before a killed service is restarted (default PT3S)
              fault.broker-down-for  (default PT3S)   fault.postgres-down-for (default PT3S)
              fault.broker-frozen-for how long the broker is frozen with SIGSTOP (default PT14S);
                                     must be longer than fault.send-timeout
              fault.send-timeout     the services' peering.outbox.send-timeout, their producers'
                                     delivery.timeout.ms (default PT11S; at least 10.001 s, as the
                                     relay's request timeout is 10 s)
              fault.converge-within  bound from the last fault to convergence (default PT60S)
              fault.instances        instances of each service, one consumer group and one database
                                     per service; the faults hit the first (default 1)
              fault.step-timeout     bound on one workflow step (default PT4M)
              fault.brokers          Kafka nodes (default 1); with 3, topics are replicated three times
                                     with min.insync.replicas=2 and each broker fault hits the node
                                     leading peering.peering-events-0 at that moment
            """;

    public static SuiteOptions from(Properties p) {
        return new SuiteOptions(
                Integer.parseInt(p.getProperty("fault.workflows", "16")),
                Long.parseLong(p.getProperty("fault.seed", String.valueOf(System.nanoTime()))),
                Path.of(p.getProperty("fault.root", "..")).toAbsolutePath().normalize(),
                Path.of(p.getProperty("fault.data-dir", "target/fault-run"))
                        .toAbsolutePath()
                        .normalize(),
                duration(p, "fault.spread", "PT60S"),
                duration(p, "fault.session-timeout", "PT10S"),
                duration(p, "fault.frozen-for", "PT15S"),
                duration(p, "fault.killed-for", "PT3S"),
                duration(p, "fault.broker-down-for", "PT3S"),
                duration(p, "fault.postgres-down-for", "PT3S"),
                duration(p, "fault.broker-frozen-for", "PT14S"),
                duration(p, "fault.send-timeout", "PT11S"),
                duration(p, "fault.converge-within", "PT60S"),
                duration(p, "fault.step-timeout", "PT4M"),
                // All delays short: the %local profile's values, overridden through its profiled names.
                Map.of(
                        "_LOCAL_PEERING_ASN_APPROVAL_DELAY", "PT2S",
                        "_LOCAL_PEERING_CONNECTION_STEP_DELAY", "PT1S",
                        "_LOCAL_PEERING_CONNECTION_SESSION_STEP_DELAY", "PT0.5S"),
                Integer.parseInt(p.getProperty("fault.instances", "1")),
                Integer.parseInt(p.getProperty("fault.brokers", "1")));
    }

    /**
     * What every service gets in its environment: the delays, and the outbox send timeout, so that the
     * broker's freeze outlasts the producers' delivery timeout.
     */
    public Map<String, String> serviceEnvironment() {
        Map<String, String> env = new java.util.LinkedHashMap<>(delays);
        env.put("PEERING_OUTBOX_SEND_TIMEOUT", sendTimeout.toString());
        return env;
    }

    public SuiteOptions {
        if (brokerFrozenFor.compareTo(sendTimeout) <= 0) {
            throw new IllegalArgumentException("fault.broker-frozen-for (" + brokerFrozenFor
                    + ") must be longer than fault.send-timeout (" + sendTimeout + ")");
        }
    }

    private static Duration duration(Properties p, String name, String defaultValue) {
        return Duration.parse(p.getProperty(name, defaultValue));
    }
}
