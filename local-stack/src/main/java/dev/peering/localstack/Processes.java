package dev.peering.localstack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stopping the processes of the stack by pid, children of this launcher or left behind by another one;
 * starting them is {@link dev.peering.localinfra.ChildProcess}.
 */
final class Processes {

    private Processes() {}

    /** Asks every process to end (SIGTERM), waits up to {@code grace} for all, then kills the rest. */
    static void stopAll(List<ProcessHandle> handles, Duration grace) {
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : handles) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!awaitExit(handle, left)) {
                System.out.printf("  pid %d did not stop within %d s, killing it%n", handle.pid(), grace.toSeconds());
                handle.destroyForcibly();
                awaitExit(handle, TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    private static boolean awaitExit(ProcessHandle handle, long nanos) {
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        }
    }
}
