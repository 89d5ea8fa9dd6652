package io.cablestream.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The counts of a run, printed at the end; the last line is always {@code accepted N, duplicate N, rejected N}. */
final class IngestSummary {

    private static final int LISTED_REJECTIONS = 20;

    private long accepted;
    private long duplicate;
    private long rejected;
    private long undelivered;
    private final Map<String, Long> reasons = new TreeMap<>();
    private final List<String> rejections = new ArrayList<>();

    synchronized void add(List<IngestOutcome> outcomes) {
        for (IngestOutcome outcome : outcomes) {
            switch (outcome.status()) {
                case "accepted" -> accepted++;
                case "duplicate" -> duplicate++;
                default -> reject(outcome.reason() == null ? outcome.status() : outcome.reason(),
                        outcome.source() + ": " + outcome.detail());
            }
        }
    }

    /** A file the CLI itself could not read (a broken archive, a short cables.csv row). */
    synchronized void unreadable(String problem) {
        reject("unreadable", problem);
    }

    /** Cables of a batch the service never settled (unreachable after every retry). */
    synchronized void undelivered(int items) {
        undelivered += items;
    }

    synchronized long settled() {
        return accepted + duplicate + rejected;
    }

    synchronized long accepted() {
        return accepted;
    }

    synchronized long undelivered() {
        return undelivered;
    }

    private void reject(String reason, String line) {
        rejected++;
        reasons.merge(reason, 1L, Long::sum);
        if (rejections.size() < LISTED_REJECTIONS) {
            rejections.add(line);
        }
    }

    synchronized void print(PrintWriter out) {
        if (!rejections.isEmpty()) {
            out.println("rejected:");
            rejections.forEach(line -> out.println("  " + line));
            if (rejected > rejections.size()) {
                out.println("  ... and " + (rejected - rejections.size()) + " more");
            }
            StringBuilder byReason = new StringBuilder("rejected by reason:");
            reasons.forEach((reason, count) -> byReason.append(' ').append(reason).append(' ').append(count).append(','));
            out.println(byReason.substring(0, byReason.length() - 1));
        }
        if (undelivered > 0) {
            out.println("not delivered (the service could not be reached): " + undelivered);
        }
        out.println("accepted " + accepted + ", duplicate " + duplicate + ", rejected " + rejected);
        out.flush();
    }
}
