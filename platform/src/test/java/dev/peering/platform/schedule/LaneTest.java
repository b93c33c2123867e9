package dev.peering.platform.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LaneTest {

    @Test
    void kicksDuringARunFoldIntoOnePendingRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Lane lane = new Lane("k", () -> {
            if (runs.incrementAndGet() == 1) {
                started.countDown();
                await(release);
            }
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            assertTrue(lane.kick(), "an idle lane starts a run");
            Future<?> run = pool.submit(lane::run);
            await(started);
            for (int i = 0; i < 5; i++) {
                assertFalse(lane.kick(), "a kick during a run starts none of its own");
            }
            release.countDown();
            run.get(10, TimeUnit.SECONDS);
            assertEquals(2, runs.get(), "the first run and one pending run for the five kicks");
            assertTrue(lane.kick(), "idle again afterwards");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingRunLeavesTheLaneUsable() {
        AtomicInteger runs = new AtomicInteger();
        Lane lane = new Lane("k", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("database down");
        });
        assertTrue(lane.kick());
        lane.run();
        assertTrue(lane.kick());
        lane.run();
        assertEquals(2, runs.get());
    }

    @Test
    void anAbandonedRunFreesTheLane() {
        Lane lane = new Lane("k", () -> {});
        assertTrue(lane.kick());
        lane.abandon();
        assertTrue(lane.kick());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
