package dev.peering.faultsuite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.events.EventJson;
import dev.peering.events.MalformedEventException;
import dev.peering.faultsuite.check.EventChecks;
import dev.peering.faultsuite.check.ExpectedEvents;
import dev.peering.faultsuite.check.Record;
import dev.peering.faultsuite.check.StoreChecks;
import dev.peering.faultsuite.check.TopicSnapshot;
import dev.peering.faultsuite.drive.Ack;
import dev.peering.faultsuite.drive.Arm;
import dev.peering.faultsuite.drive.Driver;
import dev.peering.faultsuite.drive.Ledger;
import dev.peering.faultsuite.faults.FaultPlan;
import dev.peering.faultsuite.stack.ConnectionCensus;
import dev.peering.faultsuite.stack.Service;
import dev.peering.faultsuite.stack.Stack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run: start the stack, drive the workflows while the faults happen, wait for the system to
 * converge, then count. {@code FaultSuiteIT} runs it under Maven (small or large, by options); {@code main}
 * runs it from a plain class path, with the same options as system properties.
 */
public final class FaultSuite {

    private static final Duration POLL = Duration.ofSeconds(2);

    private final SuiteOptions options;

    public FaultSuite(SuiteOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            System.out.print(SuiteOptions.USAGE);
            return;
        }
        Outcome outcome = new FaultSuite(SuiteOptions.from(System.getProperties())).run();
        System.exit(outcome.totalViolations() == 0 ? 0 : 1);
    }

    public Outcome run() throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        System.out.println("[suite] run " + runId + ", seed " + options.seed() + ", " + options.workflows()
                + " workflows, " + options.instances() + " instance(s) of each service, " + options.brokers()
                + " Kafka node(s), data in "
                + options.dataDir());
        try (Stack stack = Stack.start(new Stack.Config(
                options.root(),
                options.dataDir(),
                options.serviceEnvironment(),
                options.sessionTimeout(),
                options.instances(),
                options.brokers()))) {
            System.out.println("[suite] stack up");
            ConnectionCensus census = ConnectionCensus.start(stack.postgres(), Duration.ofSeconds(1));
            Arm arm = new Arm(stack.authorization(), stack::serviceAt);
            Ledger ledger = new Ledger();
            Driver driver = Driver.start(
                    options.workflows(),
                    options.spread(),
                    runId,
                    (service, workflow) -> stack.url(service, workflow),
                    arm,
                    ledger,
                    options.stepTimeout());
            FaultPlan plan = new FaultPlan(
                    options.seed(),
                    new FaultPlan.Timing(
                            options.killedFor(),
                            options.brokerDownFor(),
                            options.postgresDownFor(),
                            options.frozenFor(),
                            options.brokerFrozenFor(),
                            options.spread()));
            try {
                List<FaultPlan.Injected> faults = plan.run(stack, ledger::inFlight);
                Instant lastFault = faults.stream()
                        .map(FaultPlan.Injected::to)
                        .max(Instant::compareTo)
                        .orElseThrow();
                System.out.println("[suite] faults done; waiting for convergence");
                Convergence convergence = converge(stack, arm, ledger, driver, lastFault);
                convergence.findings().addAll(census.report());
                Outcome outcome = count(stack, arm, ledger, faults, plan.relayFailuresWhileBrokerFrozen(), convergence);
                System.out.println(outcome.report());
                return outcome;
            } catch (Exception | Error e) {
                // The census is what explains a run that ends on "too many clients"; print it either way.
                census.report().forEach(line -> System.out.println("[suite] " + line));
                throw e;
            } finally {
                census.close();
            }
        }
    }

    private record Convergence(
            Duration after, boolean converged, long lost, List<String> findings, Map<String, String> keyHashes) {}

    /**
     * Polls until every workflow has ended, every acknowledged request shows its final state on GET,
     * every outbox is empty and every read model equals its owner; or until the bound (plus the step
     * timeout, so that a slow run still ends with counts rather than a hang).
     */
    private Convergence converge(Stack stack, Arm arm, Ledger ledger, Driver driver, Instant lastFault)
            throws Exception {
        StoreChecks store = new StoreChecks(stack.postgres());
        CompletableFuture<Void> workflows = CompletableFuture.runAsync(() -> {
            try {
                driver.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Set<Ack> settled = new HashSet<>();
        Map<Ack, String> lastSeen = new HashMap<>();
        Map<String, String> keyHashes = new HashMap<>();
        List<String> findings = new ArrayList<>();
        long storeErrors = 0;
        String lastStoreError = null;
        Instant giveUp = lastFault.plus(options.convergeWithin()).plus(options.stepTimeout());
        ExecutorService getters = Executors.newFixedThreadPool(8);
        try {
            while (true) {
                // Convergence needs every workflow ended first; until then the workflows read their own
                // resources, and a sweep of every open request here would only add load to a busy stack.
                if (!workflows.isDone() && Instant.now().isBefore(giveUp)) {
                    try {
                        workflows.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | ExecutionException e) {
                        // still running, or ended with a failure that the next pass reports
                    }
                    continue;
                }
                List<Ack> open =
                        ledger.acks().stream().filter(a -> !settled.contains(a)).toList();
                List<CompletableFuture<Void>> gets = new ArrayList<>();
                for (Ack ack : open) {
                    gets.add(CompletableFuture.runAsync(
                            () -> {
                                try {
                                    Optional<Arm.Reply> reply = arm.once("GET", ack.url(), null);
                                    synchronized (settled) {
                                        if (ack.kind() == Ack.Kind.GONE) {
                                            if (reply.isPresent() && reply.get().status() == 404) {
                                                settled.add(ack);
                                            } else {
                                                lastSeen.put(
                                                        ack,
                                                        reply.map(Arm.Reply::describe)
                                                                .orElse("no answer"));
                                            }
                                        } else if (reply.isPresent()
                                                && reply.get().ok()) {
                                            JsonNode body = reply.get().body();
                                            lastSeen.put(ack, ack.kind().state(body));
                                            if (ack.kind().isFinal(body)) {
                                                settled.add(ack);
                                                keyOnce(ack, body, keyHashes, findings);
                                            }
                                        } else {
                                            lastSeen.put(
                                                    ack,
                                                    reply.map(Arm.Reply::describe)
                                                            .orElse("no answer"));
                                        }
                                    }
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            getters));
                }
                CompletableFuture.allOf(gets.toArray(CompletableFuture[]::new)).join();
                // Not by size: a deletion replaces an ack that may have been settled already.
                boolean acksSettled;
                synchronized (settled) {
                    acksSettled = ledger.acks().stream().allMatch(settled::contains);
                }
                long backlog = -1;
                long mismatches = -1;
                try {
                    backlog = acksSettled ? sum(store.outboxBacklog()) : -1;
                    mismatches = backlog == 0 ? store.readModels().mismatches() : -1;
                } catch (SQLException e) {
                    // Not converged yet: PostgreSQL refused or lost the checker's connection (a fault, or a
                    // server full of connections); the census below says who held them.
                    storeErrors++;
                    lastStoreError = e.getMessage();
                }
                if (workflows.isDone() && acksSettled && backlog == 0 && mismatches == 0) {
                    Duration after = Duration.between(lastFault, Instant.now());
                    return new Convergence(
                            after, after.compareTo(options.convergeWithin()) <= 0, 0, findings, keyHashes);
                }
                if (Instant.now().isAfter(giveUp)) {
                    if (storeErrors > 0) {
                        findings.add("the convergence check could not read the databases " + storeErrors
                                + " times, last: " + lastStoreError);
                    }
                    ledger.acks().stream()
                            .filter(a -> !settled.contains(a))
                            .limit(30)
                            .forEach(a -> findings.add("not final: " + a.kind() + " of workflow " + a.workflow() + ", "
                                    + a.url() + " shows " + lastSeen.get(a)));
                    long lost = ledger.acks().stream()
                            .filter(a -> !settled.contains(a))
                            .count();
                    return new Convergence(
                            Duration.between(lastFault, Instant.now()), false, lost, findings, keyHashes);
                }
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            }
        } finally {
            getters.shutdownNow();
        }
    }

    /** A registered ASN shows one Prefix Key for good; compared by hash, so no key is kept or printed. */
    private static void keyOnce(Ack ack, JsonNode body, Map<String, String> keyHashes, List<String> findings) {
        if (ack.kind() != Ack.Kind.REGISTERED_ASN) {
            return;
        }
        String hash =
                sha256(body.path("properties").path("peeringServicePrefixKey").asText());
        String earlier = keyHashes.putIfAbsent(ack.url(), hash);
        if (earlier != null && !earlier.equals(hash)) {
            findings.add("the Prefix Key of " + ack.url() + " changed");
        }
    }

    private Outcome count(
            Stack stack,
            Arm arm,
            Ledger ledger,
            List<FaultPlan.Injected> faults,
            long relayFailuresWhileBrokerFrozen,
            Convergence convergence)
            throws Exception {
        List<String> findings = new ArrayList<>(convergence.findings());
        ledger.unfinished().forEach((workflow, where) -> findings.add("workflow " + workflow + " stopped: " + where));
        long keysChanged = 0;
        Set<String> gone = ledger.acks().stream()
                .filter(a -> a.kind() == Ack.Kind.GONE)
                .map(Ack::url)
                .collect(java.util.stream.Collectors.toSet());
        for (Map.Entry<String, String> key : convergence.keyHashes().entrySet()) {
            if (gone.contains(key.getKey())) {
                continue; // deleted on purpose; its key was checked while it lived
            }
            Optional<Arm.Reply> again = arm.once("GET", key.getKey(), null);
            String hash = again.filter(Arm.Reply::ok)
                    .map(r -> sha256(r.body()
                            .path("properties")
                            .path("peeringServicePrefixKey")
                            .asText()))
                    .orElse("");
            if (!hash.equals(key.getValue())) {
                keysChanged++;
                findings.add("the Prefix Key of " + key.getKey() + " changed or vanished after it was issued");
            }
        }
        List<Record> records = TopicSnapshot.read(stack.kafkaClient(), ExpectedEvents.TOPICS, Duration.ofMinutes(2));
        EventChecks.Result events = EventChecks.check(records);
        findings.addAll(events.findings());
        ExpectedEvents.Diff expected = ledger.expected().diff(records);
        findings.addAll(expected.examples());

        Set<String> dlqTopics = TopicSnapshot.topicsEndingWith(stack.kafkaClient(), ".dlq");
        List<Record> dead = dlqTopics.isEmpty()
                ? List.of()
                : TopicSnapshot.read(stack.kafkaClient(), dlqTopics, Duration.ofMinutes(1));
        Map<String, Set<String>> deadIds = new HashMap<>();
        for (Record record : dead) {
            findings.add("dead-lettered on " + record.topic() + " at " + record.offset() + ": " + record.key());
            idOf(record).ifPresent(id -> deadIds.computeIfAbsent(record.topic(), t -> new HashSet<>())
                    .add(id));
        }
        Map<String, Set<String>> idsByTopic = new HashMap<>();
        for (Record record : records) {
            idOf(record).ifPresent(id -> idsByTopic
                    .computeIfAbsent(record.topic(), t -> new HashSet<>())
                    .add(id));
        }
        StoreChecks store = new StoreChecks(stack.postgres());
        StoreChecks.ReadModels readModels = store.readModels();
        findings.addAll(readModels.findings());
        // A consumer whose instance was killed late may still be catching up (its partitions wait for the
        // group's session timeout): every event must be applied eventually, within the convergence bound.
        long catchUpStart = System.nanoTime();
        long catchUpDeadline = catchUpStart + options.convergeWithin().toNanos();
        List<StoreChecks.Consumption> consumption = store.consumption(idsByTopic, deadIds);
        while (consumption.stream().anyMatch(c -> c.notApplied() > 0) && System.nanoTime() < catchUpDeadline) {
            TimeUnit.SECONDS.sleep(1);
            consumption = store.consumption(idsByTopic, deadIds);
        }
        boolean caughtUp = consumption.stream().allMatch(c -> c.notApplied() == 0);
        findings.add(String.format(
                "consumers %s %.1f s after the topics were read",
                caughtUp ? "had applied every event" : "still had events to apply",
                (System.nanoTime() - catchUpStart) / 1e9));
        long serverErrors =
                arm.serverErrors().values().stream().mapToLong(n -> n.get()).sum();
        long unexpectedServerErrors = arm.unexpectedServerErrors().values().stream()
                .mapToLong(n -> n.get())
                .sum();
        arm.serverErrors().forEach((what, n) -> findings.add("5xx while retrying: " + what + " x" + n.get()));
        ledger.operatorDecisions().forEach((what, n) -> findings.add("operator " + what + " x" + n));
        return new Outcome(
                options.seed(),
                options.workflows(),
                ledger.finishedCount(),
                ledger.acknowledgedCount(),
                convergence.lost(),
                convergence.after(),
                convergence.converged(),
                events,
                expected,
                keysChanged,
                dead.size(),
                readModels,
                consumption,
                sum(store.outboxBacklog()),
                serverErrors,
                unexpectedServerErrors,
                arm.unreachable(),
                stack.relayPassesFailed(),
                relayFailuresWhileBrokerFrozen,
                faults,
                findings);
    }

    private static Optional<String> idOf(Record record) {
        try {
            return Optional.of(EventJson.read(record.value()).id());
        } catch (MalformedEventException e) {
            return Optional.empty();
        }
    }

    private static long sum(Map<Service, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
