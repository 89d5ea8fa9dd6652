package io.cablestream.load;

import java.util.List;

/**
 * CPU seconds and memory of one process, or of a server and its children (PostgreSQL: the postmaster, its live
 * backends, and through the postmaster's cutime/cstime the backends that already ended).
 */
final class MeteredProcess {

    private final String name;
    private final long pid;
    private final boolean withChildren;
    private double baselineCpu;
    private long peakRssKb;

    MeteredProcess(String name, long pid, boolean withChildren) {
        this.name = name;
        this.pid = pid;
        this.withChildren = withChildren;
    }

    String name() {
        return name;
    }

    long pid() {
        return pid;
    }

    /** CPU seconds used since the process started. */
    double cpuSeconds() {
        ProcStats.CpuTicks root = ProcStats.cpu(pid);
        if (root == null) {
            return Double.NaN;
        }
        long ticks = withChildren ? root.withReaped() : root.own();
        if (withChildren) {
            for (long child : ProcStats.children(pid)) {
                ProcStats.CpuTicks c = ProcStats.cpu(child);
                ticks += c == null ? 0 : c.own();
            }
        }
        return ticks / ProcStats.TICKS_PER_SECOND;
    }

    /** Resident memory now: VmRSS of a single process, the sum of PSS over a process tree. */
    long rssKb() {
        if (!withChildren) {
            return ProcStats.statusKb(pid, "VmRSS");
        }
        long total = ProcStats.pssKb(pid);
        List<Long> children = ProcStats.children(pid);
        for (long child : children) {
            total += Math.max(0, ProcStats.pssKb(child));
        }
        return total;
    }

    /** The kernel's high-water mark of the (root) process's resident memory since it started. */
    long hwmKb() {
        return ProcStats.statusKb(pid, "VmHWM");
    }

    /** Starts a measurement window: CPU is counted from here, the sampled peak is reset. */
    void startWindow() {
        baselineCpu = cpuSeconds();
        peakRssKb = 0;
    }

    /** Called once a second while the window is open. */
    long sample() {
        long rss = rssKb();
        peakRssKb = Math.max(peakRssKb, rss);
        return rss;
    }

    double windowCpuSeconds() {
        return cpuSeconds() - baselineCpu;
    }

    long peakRssKb() {
        return peakRssKb;
    }
}
