package dev.peering.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatsTest {

    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
    private static final String STAT =
            "4242 (java (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 7 3 20 0 40 0 1000 2000 300";

    @Test
    void readsUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses() {
        assertEquals(300, ProcStats.parseCpuTicks(STAT, false));
        assertEquals(310, ProcStats.parseCpuTicks(STAT, true));
    }

    @Test
    void samplesThisProcess() {
        ProcStats.Usage self =
                ProcStats.of(ProcessHandle.current().pid(), false).orElseThrow();
        assertTrue(self.rssKb() > 0);
        assertTrue(self.cpuSeconds() >= 0);
        assertEquals(1, self.processes());
    }
}
