package io.cablestream.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads a Linux process's CPU time and memory from /proc. */
final class ProcStats {

    /** USER_HZ: the unit of the times in /proc/<pid>/stat on every Linux this runs on. */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** utime, stime, cutime, cstime in ticks; cutime/cstime hold the children the process has reaped. */
    record CpuTicks(long user, long system, long childrenUser, long childrenSystem) {
        long own() {
            return user + system;
        }

        long withReaped() {
            return user + system + childrenUser + childrenSystem;
        }
    }

    static CpuTicks cpu(long pid) {
        String[] fields = statFields(pid);
        if (fields == null) {
            return null;
        }
        return parseCpu(fields);
    }

    /** The fields after the command name, so fields[0] is the state (field 3 of proc(5)). */
    static String[] statFields(long pid) {
        try {
            return afterCommand(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            return null;
        }
    }

    static String[] afterCommand(String stat) {
        // the command name is in parentheses and may itself hold spaces and ')'
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }

    static CpuTicks parseCpu(String[] fields) {
        return new CpuTicks(Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                Long.parseLong(fields[14]));
    }

    static long parentPid(String[] fields) {
        return Long.parseLong(fields[1]);
    }

    /** A value in kB from /proc/<pid>/status (VmRSS, VmHWM), or -1 when the process is gone. */
    static long statusKb(long pid, String key) {
        try {
            return kbField(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")), key);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The proportional set size: shared pages (PostgreSQL's shared buffers) divided among the processes that map
     * them, so a sum over a process tree counts them once. VmRSS when smaps_rollup is not readable.
     */
    static long pssKb(long pid) {
        try {
            return kbField(Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup")), "Pss");
        } catch (IOException e) {
            return statusKb(pid, "VmRSS");
        }
    }

    static long kbField(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").trim());
            }
        }
        return -1;
    }

    /** The live children of a process. */
    static List<Long> children(long parent) {
        List<Long> children = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> {
                        String[] fields = statFields(Long.parseLong(name));
                        if (fields != null && parentPid(fields) == parent) {
                            children.add(Long.parseLong(name));
                        }
                    });
        } catch (IOException e) {
            // /proc is always there on Linux
        }
        return children;
    }
}
