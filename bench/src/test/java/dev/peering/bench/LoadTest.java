package dev.peering.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadTest {

    private static final long S = 1_000_000_000L;

    private static Onboarding.Result ok(long start, long end) {
        return new Onboarding.Result(start, end, true, null, 1, 1, 1, 1, 0);
    }

    private static Onboarding.Result failed(long start, long end, String why) {
        return new Onboarding.Result(start, end, false, why, 1, 0, 0, 0, 2);
    }

    @Test
    void openLoopRateIsTheCompletionRateBetweenFirstAndLastCompletion() {
        // Ten workflows offered at 2/s, each taking 10 s: completions every 0.5 s from 10 s to 14.5 s.
        List<Onboarding.Result> results = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(ok(i * S / 2, 10 * S + i * S / 2));
        }
        Load.Phase phase = new Load.Phase("open 2/s", "open", 2, 0, 5, 0, 5 * S, 15 * S, results, false);
        assertEquals(2.0, phase.throughput(), 1e-9);
        assertEquals(10, phase.completed());
        assertEquals(10_000.0, phase.latency().p50(), 1e-6);
    }

    @Test
    void closedLoopRateIsCompletionsOverTimeToTheLastOne() {
        List<Onboarding.Result> results = List.of(
                ok(0, 5 * S), ok(0, 5 * S), ok(5 * S, 10 * S), ok(5 * S, 10 * S), failed(10 * S, 12 * S, "refused"));
        Load.Phase phase = new Load.Phase("closed 2", "closed", 0, 2, 10, 0, 10 * S, 12 * S, results, false);
        assertEquals(0.4, phase.throughput(), 1e-9);
        assertEquals(1, phase.failed());
        assertEquals(List.of("refused"), phase.failureSamples());
        assertEquals(4, phase.latency().count());
    }

    @Test
    void nothingCompletedIsZero() {
        Load.Phase phase = new Load.Phase(
                "open", "open", 5, 0, 1, 0, S, 2 * S, List.of(failed(0, S, "x"), failed(0, S, "x")), false);
        assertEquals(0.0, phase.throughput());
        assertEquals(List.of("x"), phase.failureSamples());
        assertEquals(0, phase.latency().count());
    }
}
