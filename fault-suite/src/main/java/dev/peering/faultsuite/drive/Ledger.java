package dev.peering.faultsuite.drive;

import dev.peering.faultsuite.check.ExpectedEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the drive did: every acknowledged request, the events each one must cause (the expected-event
 * ledger), which workflows are in flight, and where each workflow stopped if it did not finish.
 */
public final class Ledger {

    private final List<Ack> acks = new ArrayList<>();
    private final ExpectedEvents expected = new ExpectedEvents();
    private final Set<Integer> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<Integer, String> unfinished = new ConcurrentHashMap<>();
    private final Map<Integer, String> finished = new ConcurrentHashMap<>();

    synchronized void acknowledged(Ack ack) {
        acks.add(ack);
        acknowledged++;
    }

    private long acknowledged;

    /** A request acknowledged that leaves no resource to watch (a deletion, an operator action). */
    synchronized void acknowledged() {
        acknowledged++;
    }

    /** Every acknowledged request, deletions included (an ack that a deletion replaced counts too). */
    public synchronized long acknowledgedCount() {
        return acknowledged;
    }

    /**
     * The resource is deleted on purpose: its earlier acknowledgement (seen final by the workflow) gives way to
     * this one, whose final state is a 404.
     */
    synchronized void gone(Ack ack) {
        acks.removeIf(a -> a.url().equals(ack.url()));
        acks.add(ack);
        goneCount++;
    }

    private long goneCount;

    /** The resource's final state is another than its acknowledgement promised (an operator's decision). */
    synchronized void settled(Ack ack) {
        acks.removeIf(a -> a.url().equals(ack.url()));
        acks.add(ack);
    }

    private final Map<String, Long> operatorDecisions = new java.util.TreeMap<>();

    synchronized void operatorDecision(String outcome) {
        operatorDecisions.merge(outcome, 1L, Long::sum);
    }

    /** How the operator's approvals and rejections ended, by outcome. */
    public synchronized Map<String, Long> operatorDecisions() {
        return Map.copyOf(operatorDecisions);
    }

    /** Resources deleted on purpose (by a deletion or a deprovisioning). */
    public synchronized long goneCount() {
        return goneCount;
    }

    public synchronized List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** The events the acknowledged requests must cause. */
    public ExpectedEvents expected() {
        return expected;
    }

    void started(int workflow) {
        inFlight.add(workflow);
    }

    /** Workflows started and not yet ended (finished or given up). */
    public int inFlight() {
        return inFlight.size();
    }

    void finished(int workflow, String summary) {
        finished.put(workflow, summary);
        unfinished.remove(workflow);
        inFlight.remove(workflow);
    }

    void stuck(int workflow, String where) {
        unfinished.put(workflow, where);
        inFlight.remove(workflow);
    }

    public Map<Integer, String> unfinished() {
        return Map.copyOf(unfinished);
    }

    public int finishedCount() {
        return finished.size();
    }
}
