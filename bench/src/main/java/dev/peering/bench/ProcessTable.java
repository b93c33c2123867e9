package dev.peering.bench;

import java.util.Map;

/**
 * The report's process table: the memory (RSS at ready and at peak; PSS for PostgreSQL's tree of processes)
 * and CPU of each process of the stack, their total, and the benchmark's own process beside it, not in the
 * total.
 */
final class ProcessTable {

    private ProcessTable() {}

    /** Writes the table; returns the whole stack's memory at peak in MB (PostgreSQL counted by PSS). */
    static double write(
            Report report,
            Map<String, ProcStats.Usage> atReady,
            Map<String, ProcStats.Usage> peak,
            Map<String, ProcStats.Usage> atEnd,
            Map<String, Double> loadedCpu) {
        double totalPeakMb = 0;
        double totalReadyMb = 0;
        for (String name : atReady.keySet()) {
            ProcStats.Usage ready = atReady.get(name);
            ProcStats.Usage top = peak.getOrDefault(name, ready);
            ProcStats.Usage end = atEnd.getOrDefault(name, top);
            boolean tree = name.equals("postgres");
            double readyMb = (tree ? ready.pssKb() : ready.rssKb()) / 1024.0;
            double peakMb = (tree ? top.pssKb() : top.rssKb()) / 1024.0;
            totalPeakMb += peakMb;
            totalReadyMb += readyMb;
            report.processLine(
                    name + (tree ? " (" + top.processes() + " processes)" : ""),
                    Report.number(ready.rssKb() / 1024.0),
                    Report.number(top.rssKb() / 1024.0),
                    Report.number(top.pssKb() / 1024.0),
                    Report.number(loadedCpu.getOrDefault(name, Double.NaN)),
                    Report.number(end.cpuSeconds()));
        }
        report.processLine(
                "total (PostgreSQL counted by PSS)",
                Report.number(totalReadyMb),
                Report.number(totalPeakMb),
                "",
                "",
                "");
        ProcStats.of(ProcessHandle.current().pid(), false)
                .ifPresent(self -> report.processLine(
                        "this benchmark (load generator, same machine; not in the total)",
                        "",
                        Report.number(self.rssKb() / 1024.0),
                        "",
                        "",
                        Report.number(self.cpuSeconds())));
        return totalPeakMb;
    }
}
