package dev.peering.faultsuite;

import dev.peering.faultsuite.check.EventChecks;
import dev.peering.faultsuite.check.ExpectedEvents;
import dev.peering.faultsuite.check.StoreChecks;
import dev.peering.faultsuite.faults.FaultPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of one run. {@link #violations()} holds every count that must be zero; the rest is
 * context (how much was done, how many redeliveries the at-least-once outbox caused).
 */
public record Outcome(
        long seed,
        int workflows,
        int workflowsFinished,
        long acknowledged,
        long lost,
        Duration convergedAfter,
        boolean converged,
        EventChecks.Result events,
        ExpectedEvents.Diff expectedEvents,
        long prefixKeysChanged,
        long deadLettered,
        StoreChecks.ReadModels readModels,
        List<StoreChecks.Consumption> consumption,
        long outboxBacklog,
        long serverErrors,
        long unexpectedServerErrors,
        long unreachable,
        long relayPassesFailed,
        long relayFailuresWhileBrokerFrozen,
        List<FaultPlan.Injected> faults,
        List<String> findings) {

    public Map<String, Long> violations() {
        Map<String, Long> v = new LinkedHashMap<>();
        v.put("workflows not finished", (long) (workflows - workflowsFinished));
        v.put("acknowledged requests not in their final state (lost)", lost);
        v.put("not converged within the bound", converged ? 0L : 1L);
        v.put("expected events missing from their topic", expectedEvents.missing());
        v.put("expected events on their topic more often than requested", expectedEvents.duplicated());
        v.put("events no acknowledged request asked for", expectedEvents.unexpected());
        v.put("events out of order for their resource on its topic", expectedEvents.outOfOrder());
        v.put("5xx answers other than 503 with Retry-After", unexpectedServerErrors);
        v.put("unreadable events", events.unreadable());
        v.put("event ids naming two different events", events.conflictingIds());
        v.put("gaps in a connection's path", events.connectionGaps() + events.sessionGaps());
        v.put("transitions the state machine forbids", events.illegalTransitions());
        v.put("transitions applied twice", events.duplicateTransitions());
        v.put("PeerAsn decisions applied twice", events.duplicateApprovals());
        v.put("peering creations or connection requests applied twice", events.duplicatePeeringRequests());
        v.put("second Prefix Keys for one registered ASN", events.duplicateKeysIssued());
        v.put("Prefix Keys that changed after they were issued", prefixKeysChanged);
        v.put("events dead-lettered", deadLettered);
        v.put("read-model rows differing from their owner", readModels.mismatches());
        v.put(
                "events a consumer never applied",
                consumption.stream()
                        .mapToLong(StoreChecks.Consumption::notApplied)
                        .sum());
        v.put(
                "applied ids that are on no topic",
                consumption.stream()
                        .mapToLong(StoreChecks.Consumption::unknownApplied)
                        .sum());
        v.put("events left in an outbox", outboxBacklog);
        return v;
    }

    public long totalViolations() {
        return violations().values().stream().mapToLong(Long::longValue).sum();
    }

    public String report() {
        List<String> lines = new ArrayList<>();
        lines.add("==== fault suite: " + workflows + " workflows, " + faults.size() + " faults, seed " + seed);
        faults.forEach(f -> lines.add(String.format(
                "  fault: %-78s %5.1f s, met %d workflows in flight",
                f.what(), Duration.between(f.from(), f.to()).toMillis() / 1000.0, f.inFlight())));
        lines.add(String.format("  %-66s %8d", "requests acknowledged (2xx)", acknowledged));
        lines.add(String.format("  %-66s %8d", "events on the four topics", events.records()));
        expectedEvents
                .expectedByTopic()
                .forEach((topic, count) -> lines.add(String.format(
                        "  %-66s %8d",
                        "events on " + topic + " (ledger expects " + count + ")",
                        expectedEvents.seenByTopic().getOrDefault(topic, 0L))));
        lines.add(String.format("  %-66s %8d", "connections followed on the topic", events.connections()));
        lines.add(String.format("  %-66s %8d", "exact redeliveries of an event id (allowed)", events.redeliveries()));
        lines.add(String.format("  %-66s %8d", "5xx answers while services were down (retried)", serverErrors));
        lines.add(String.format("  %-66s %8d", "requests that reached no service (retried)", unreachable));
        lines.add(String.format(
                "  %-66s %8d", "outbox relay passes failed and retried (services' logs)", relayPassesFailed));
        lines.add(String.format(
                "  %-66s %8d",
                "  of them while the broker was frozen (delivery timeout)", relayFailuresWhileBrokerFrozen));
        lines.add(String.format("  %-66s %8d", "read-model rows compared", readModels.compared()));
        consumption.forEach(c -> lines.add(String.format(
                "  %-66s %8d", "events applied by " + c.consumer() + " (of " + c.onTopic() + ")", c.applied())));
        lines.add(String.format(
                "  %-66s %8.1f s%s",
                "converged after the last fault",
                convergedAfter.toMillis() / 1000.0,
                converged ? "" : " (NOT converged)"));
        lines.add("  ---- must be zero");
        violations().forEach((what, count) -> lines.add(String.format("  %-66s %8d", what, count)));
        lines.add(totalViolations() == 0 ? "==== PASSED" : "==== FAILED: " + totalViolations() + " violations");
        if (!findings.isEmpty()) {
            lines.add("  ---- findings");
            findings.forEach(f -> lines.add("  " + f));
        }
        return String.join(System.lineSeparator(), lines);
    }
}
