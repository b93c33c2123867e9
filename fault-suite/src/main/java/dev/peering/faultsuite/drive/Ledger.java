package dev.peering.faultsuite.drive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the drive did: every acknowledged request, and where each workflow stopped if it did not finish. */
public final class Ledger {

    private final List<Ack> acks = new ArrayList<>();
    private final Map<Integer, String> unfinished = new ConcurrentHashMap<>();
    private final Map<Integer, String> finished = new ConcurrentHashMap<>();

    synchronized void acknowledged(Ack ack) {
        acks.add(ack);
    }

    public synchronized List<Ack> acks() {
        return List.copyOf(acks);
    }

    void finished(int workflow, String summary) {
        finished.put(workflow, summary);
        unfinished.remove(workflow);
    }

    void stuck(int workflow, String where) {
        unfinished.put(workflow, where);
    }

    public Map<Integer, String> unfinished() {
        return Map.copyOf(unfinished);
    }

    public int finishedCount() {
        return finished.size();
    }
}
