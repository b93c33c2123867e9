package dev.peering.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundred() {
        double[] samples = IntStream.rangeClosed(1, 100).mapToDouble(i -> i).toArray();
        Percentiles p = Percentiles.of(samples);
        assertEquals(100, p.count());
        assertEquals(50.0, p.p50());
        assertEquals(99.0, p.p99());
        assertEquals(100.0, p.p999());
        assertEquals(100.0, p.max());
        assertEquals(50.5, p.mean(), 1e-9);
    }

    @Test
    void nearestRankOfAThousandPicksTheNineHundredNinetyNinth() {
        double[] samples = IntStream.rangeClosed(1, 1000).mapToDouble(i -> i).toArray();
        Percentiles p = Percentiles.of(samples);
        assertEquals(500.0, p.p50());
        assertEquals(990.0, p.p99());
        assertEquals(999.0, p.p999());
    }

    @Test
    void orderOfInputDoesNotMatterAndInputIsLeftAlone() {
        double[] samples = {5, 1, 4, 2, 3};
        Percentiles p = Percentiles.of(samples);
        assertEquals(3.0, p.p50());
        assertEquals(5.0, p.p99());
        assertEquals(5.0, samples[0]);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        Percentiles p = Percentiles.of(new double[] {7.5});
        assertEquals(7.5, p.p50());
        assertEquals(7.5, p.p99());
        assertEquals(7.5, p.p999());
    }

    @Test
    void noSamplesIsEmptyAndWritesNulls() {
        Percentiles p = Percentiles.of(new double[0]);
        assertTrue(p.isEmpty());
        assertTrue(Double.isNaN(p.p99()));
        assertNull(p.toMap().get("p99Ms"));
        assertEquals(0, p.toMap().get("count"));
    }

    @Test
    void samplesCollectFromManyThreads() throws Exception {
        Samples samples = new Samples();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 1; i <= 1000; i++) {
                    samples.add(i);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(4000, samples.size());
        assertEquals(500.0, samples.summary().p50());
    }
}
