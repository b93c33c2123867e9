package dev.peering.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time and memory of the stack's processes from /proc. A process counts with its live descendants
 * (PostgreSQL's backends) and, for CPU, the children it has reaped (cutime/cstime). Memory: RSS, and
 * PSS (proportional set size, shared pages divided among their users), which is the honest sum for
 * PostgreSQL's many processes sharing one buffer pool; the stack total adds PSS.
 */
public final class ProcStats {

    /** Linux reports CPU times in clock ticks of USER_HZ, 100 on every mainstream architecture. */
    static final double TICKS_PER_SECOND = 100.0;

    public record Usage(double cpuSeconds, long rssKb, long pssKb, int processes) {}

    private ProcStats() {}

    public static Map<String, Usage> sample(Map<String, Long> pids) {
        Map<String, Usage> usage = new LinkedHashMap<>();
        // Only PostgreSQL's children are its own: the launcher's descendants are the rest of the stack.
        pids.forEach((name, pid) -> of(pid, name.equals("postgres")).ifPresent(u -> usage.put(name, u)));
        return usage;
    }

    public static Optional<Usage> of(long pid, boolean withDescendants) {
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty() || !root.get().isAlive()) {
            return Optional.empty();
        }
        List<Long> tree = new ArrayList<>();
        tree.add(pid);
        if (withDescendants) {
            root.get().descendants().forEach(handle -> tree.add(handle.pid()));
        }
        double cpu = 0;
        long rss = 0;
        long pss = 0;
        int alive = 0;
        for (long p : tree) {
            Optional<double[]> times = cpuSeconds(p, p == pid && withDescendants);
            if (times.isEmpty()) {
                continue;
            }
            alive++;
            cpu += times.get()[0];
            rss += statusKb(p, "VmRSS:");
            pss += rollupKb(p, "Pss:");
        }
        return Optional.of(new Usage(cpu, rss, pss, alive));
    }

    /** utime + stime (+ cutime + cstime when {@code withChildren}), in seconds. */
    static Optional<double[]> cpuSeconds(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return Optional.of(new double[] {parseCpuTicks(stat, withChildren) / TICKS_PER_SECOND});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Fields 14-17 of /proc/PID/stat, counted after the command name (which may hold spaces and parentheses). */
    static long parseCpuTicks(String stat, boolean withChildren) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state): utime is field 14, so fields[11].
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks;
    }

    private static long statusKb(long pid, String key) {
        return kb(Path.of("/proc", String.valueOf(pid), "status"), key);
    }

    private static long rollupKb(long pid, String key) {
        long value = kb(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), key);
        return value > 0 ? value : statusKb(pid, "VmRSS:");
    }

    private static long kb(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not readable
        }
        return 0;
    }
}
