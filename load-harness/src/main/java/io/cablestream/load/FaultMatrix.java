package io.cablestream.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cablestream.events.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The fault matrix: cables stream at a fixed rate through the services as separate processes while one fault is
 * done to them (a run per fault), then all of them in turn in one run. Counted from what the clients were told
 * (every acknowledgement, every spool file in done/) against what the store wrote (its write counter and the
 * SHA-256 of each stored text): one row per fault with sent, acknowledged, stored, written twice, lost, text
 * changed and the time to recover.
 */
@Command(name = "faults", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Kill and restart each part of the running pipeline under load; count lost and doubled cables.")
public final class FaultMatrix implements Callable<Integer> {

    /** Without a new stored row for this long after the feed, a run ends and what is missing counts as lost. */
    private static final long STALL_MILLIS = 120_000;
    /** Steady flow before each fault and after the last. */
    private static final long LEAD_MILLIS = 5_000;

    @Option(names = "--cables", description = "cables per run (default ${DEFAULT-VALUE})")
    int cables = 20_000;
    @Option(names = "--rate", description = "offered cables/s (default ${DEFAULT-VALUE})")
    double rate = 200;
    @Option(names = "--batch", description = "cables per ingest request (default ${DEFAULT-VALUE})")
    int batch = 10;
    @Option(names = "--faults", description = "all, or some of kill-ingest, kill-parse, kill-store, restart-broker, "
            + "restart-postgres, stop-ingest, comma-separated (default ${DEFAULT-VALUE})")
    String faults = "all";
    @Option(names = "--each", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "a run per fault (default true)")
    boolean each;
    @Option(names = "--in-turn", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "a run with every fault in turn (default true)")
    boolean inTurn;
    @Option(names = "--service-heap", description = "-Xmx of each service (default ${DEFAULT-VALUE})")
    String serviceHeap = "256m";
    @Option(names = "--broker-heap", description = "-Xmx of the broker (default ${DEFAULT-VALUE})")
    String brokerHeap = "512m";
    @Option(names = "--repo", description = "the repository root (default: the working directory)")
    Path repo = Path.of(".");
    @Option(names = "--results", description = "where the JSON result goes (default: load-harness/results)")
    Path results;

    /** The result of the last {@link #call}, for the test that runs the matrix. */
    private Map<String, Object> result;

    /** The figures of the last run: options, machine and {@code rows}, one per fault (and a total per run). */
    public Map<String, Object> result() {
        return result;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(repo.toAbsolutePath().normalize().resolve("load-harness/pom.xml"))) {
            throw new IllegalStateException(repo + " is not the cable-stream repository (use --repo)");
        }
        Path root = repo.toAbsolutePath().normalize();
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        List<Fault> chosen = Fault.parse(faults);
        List<FeedCable> feed = FeedCable.feed(root, cables);
        LoadHarness.log("fault matrix %s: %d cables per run at %.0f/s, faults %s", stamp, feed.size(), rate, chosen);

        List<Map<String, Object>> rows = new ArrayList<>();
        int run = 0;
        if (each) {
            for (Fault fault : chosen) {
                rows.addAll(run(root.resolve("load-harness/target/runs").resolve(stamp + "-" + run++), feed,
                        List.of(fault)));
            }
        }
        if (inTurn && chosen.size() > 1) {
            rows.addAll(run(root.resolve("load-harness/target/runs").resolve(stamp + "-" + run), feed, chosen));
        }
        result = new LinkedHashMap<>();
        result.put("run", stamp);
        result.put("git_commit", RunInfo.gitCommit(root));
        result.put("options", Map.of("cables", feed.size(), "rate", rate, "batch", batch, "faults", faults,
                "service_heap", serviceHeap, "broker_heap", brokerHeap));
        result.put("machine", RunInfo.machine());
        result.put("rows", rows);
        Path out = Files.createDirectories(results != null ? results : root.resolve("load-harness/results"))
                .resolve("faults-" + stamp + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
        table(rows).forEach(System.out::println);
        System.out.println("RESULT written to " + out);
        return rows.stream().allMatch(FaultMatrix::clean) ? 0 : 1;
    }

    /** Nothing lost, nothing written twice, no text changed, nothing refused. */
    public static boolean clean(Map<String, Object> row) {
        return row.containsKey("skipped") || ((Number) row.get("lost")).longValue() == 0
                && ((Number) row.get("written_twice")).longValue() == 0
                && ((Number) row.get("text_changed")).longValue() == 0
                && ((Number) row.get("rejected")).longValue() == 0;
    }

    /** One run: the pipeline, the feed, each fault once the one before is recovered, then the count, a row per fault. */
    private List<Map<String, Object>> run(Path work, List<FeedCable> feed, List<Fault> runFaults) throws Exception {
        List<Fault> possible = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        String runName = runFaults.size() == 1 ? runFaults.get(0).label() : "all in turn";
        try (ChaosPipeline pipeline = ChaosPipeline.start(repo.toAbsolutePath().normalize(), work, serviceHeap,
                brokerHeap)) {
            for (Fault fault : runFaults) {
                if (fault == Fault.RESTART_POSTGRES && !pipeline.postgres.restartable()) {
                    rows.add(Map.of("run", runName, "fault", fault.label(), "skipped",
                            "a configured PostgreSQL server is not restarted by the harness: unset "
                                    + PostgresServer.URL_VARIABLE));
                } else {
                    possible.add(fault);
                }
            }
            ChaosFeeder feeder = new ChaosFeeder(feed, pipeline::ingestUrl, pipeline.spool, rate, batch);
            long[] faultAt = new long[possible.size()];
            Thread feeding = new Thread(() -> {
                try {
                    feeder.run();
                } catch (Exception e) {
                    LoadHarness.log("feeding failed: %s", e);
                }
            }, "chaos-feeder");
            feeding.start();
            while (feeder.startedAt() == 0) {
                Thread.sleep(10);
            }
            // each fault once the pipeline has recovered from the one before: its rows then show each fault's own
            // recovery, not the sum of overlapping ones
            for (int k = 0; k < possible.size(); k++) {
                Thread.sleep(LEAD_MILLIS);
                faultAt[k] = System.currentTimeMillis();
                LoadHarness.log("fault: %s", possible.get(k).description);
                possible.get(k).inject(pipeline);
                LoadHarness.log("fault %s done after %.1f s; recovered after %.1f s", possible.get(k).label(),
                        (System.currentTimeMillis() - faultAt[k]) / 1000.0,
                        awaitRecovery(pipeline, feeder, feed, faultAt[k]) / 1000.0);
            }
            // the rest of the feed: a fault that came after its end shows as a row with nothing sent (--cables too few)
            feeding.join();
            Map<String, StoreAudit.Row> stored = awaitStored(pipeline, feeder, feed);
            Set<String> rawKeys = TopicKeys.of(pipeline.broker.bootstrapServers(), Topics.RAW);
            Map<String, String> parsedKeys = TopicKeys.positions(pipeline.broker.bootstrapServers(), Topics.PARSED);
            Map<String, Object> groups = groupOffsets(pipeline);
            LoadHarness.log("committed/end offsets at the end: %s", groups);
            for (int k = 0; k < possible.size(); k++) {
                // each fault's row counts the cables sent from it to the next fault (the first also those before it)
                long from = k == 0 ? Long.MIN_VALUE : faultAt[k];
                long to = k + 1 < possible.size() ? faultAt[k + 1] : Long.MAX_VALUE;
                rows.add(row(runName, possible.get(k), faultAt[k], from, to, feed, feeder, stored, rawKeys,
                        parsedKeys, pipeline.postgres));
            }
            if (possible.size() > 1) {
                rows.add(row(runName, null, 0, Long.MIN_VALUE, Long.MAX_VALUE, feed, feeder, stored, rawKeys,
                        parsedKeys, pipeline.postgres));
            }
            // where the consumer groups stood when the run was counted: a group behind the end points at a stalled
            // consumer, one at the end with cables missing at a skipped record
            if (!possible.isEmpty()) {
                rows.get(rows.size() - 1).put("group_offsets", groups);
            }
            synchronized (feeder.rejections) {
                feeder.rejections.stream().limit(10).forEach(r -> LoadHarness.log("rejected: %s", r));
            }
        }
        return rows;
    }

    /**
     * Waits until the first cable sent after the fault is stored (or {@link #STALL_MILLIS}); how long that took from
     * the fault.
     */
    private static long awaitRecovery(ChaosPipeline pipeline, ChaosFeeder feeder, List<FeedCable> feed, long faultAt)
            throws Exception {
        while (System.currentTimeMillis() - faultAt < STALL_MILLIS) {
            int first = feeder.firstSentAtOrAfter(faultAt);
            if (first >= 0 && StoreAudit.isStored(pipeline.postgres, feed.get(first).sha256())) {
                return System.currentTimeMillis() - faultAt;
            }
            Thread.sleep(500);
        }
        return System.currentTimeMillis() - faultAt;
    }

    /** Until every acknowledged cable is stored and the spool inbox is empty, or nothing new is stored for a while. */
    private static Map<String, StoreAudit.Row> awaitStored(ChaosPipeline pipeline, ChaosFeeder feeder,
                                                           List<FeedCable> feed) throws Exception {
        long lastChange = System.currentTimeMillis();
        int lastCount = -1;
        while (true) {
            // the inbox first: a file moved to done/ after done/ was read but before the inbox was looked at would
            // be neither waited for nor counted as acknowledged
            boolean inboxEmpty;
            try (var files = Files.list(pipeline.spool.resolve("inbox"))) {
                inboxEmpty = files.findAny().isEmpty();
            }
            feeder.spoolAcknowledged();
            Map<String, StoreAudit.Row> stored = StoreAudit.read(pipeline.postgres);
            boolean allStored = feeder.acknowledgedAt.keySet().stream()
                    .allMatch(i -> stored.containsKey(feed.get(i).sha256()));
            if (allStored && inboxEmpty) {
                return stored;
            }
            if (stored.size() != lastCount) {
                lastCount = stored.size();
                lastChange = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - lastChange > STALL_MILLIS) {
                LoadHarness.log("nothing stored for %d s: counting what is there", STALL_MILLIS / 1000);
                return stored;
            }
            Thread.sleep(2_000);
        }
    }

    private static Map<String, Object> row(String run, Fault fault, long faultAt, long from, long to,
                                           List<FeedCable> feed, ChaosFeeder feeder,
                                           Map<String, StoreAudit.Row> stored, Set<String> rawKeys,
                                           Map<String, String> parsedKeys, PostgresServer postgres)
            throws Exception {
        long sent = 0;
        long acknowledged = 0;
        long storedCount = 0;
        long twice = 0;
        long lost = 0;
        long changed = 0;
        Double recover = null;
        // where each lost cable stopped: never on cables.raw, on it but never parsed, parsed but never stored
        List<String> lostWhere = new ArrayList<>();
        long firstAfter = Long.MAX_VALUE;
        for (int i = 0; i < feed.size(); i++) {
            long at = feeder.sentAt[i];
            if (at == 0 || at < from || at >= to) {
                continue;
            }
            sent++;
            StoreAudit.Row row = stored.get(feed.get(i).sha256());
            boolean acked = feeder.acknowledgedAt.containsKey(i);
            acknowledged += acked ? 1 : 0;
            if (row != null) {
                storedCount++;
                twice += row.writes() > 1 ? 1 : 0;
                changed += row.textIntact() ? 0 : 1;
            } else if (acked) {
                lost++;
                FeedCable cable = feed.get(i);
                String where = !rawKeys.contains(cable.sha256()) ? "not on cables.raw"
                        : !parsedKeys.containsKey(cable.cableId()) ? "on cables.raw, not on cables.parsed"
                        : "on cables.parsed at " + parsedKeys.get(cable.cableId()) + ", not stored ("
                        + StoreAudit.describeId(postgres, cable.cableId()) + ")";
                lostWhere.add(cable.name() + (ChaosFeeder.viaSpool(i) ? " (spool)" : "") + " " + cable.cableId()
                        + ": " + where);
            }
            if (fault != null && at >= faultAt && at < firstAfter) {
                firstAfter = at;
                recover = row == null ? null : Math.round((row.storedAt() - faultAt) / 100.0) / 10.0;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run);
        out.put("fault", fault == null ? "total" : fault.label());
        out.put("sent", sent);
        out.put("acknowledged", acknowledged);
        out.put("stored", storedCount);
        out.put("written_twice", twice);
        out.put("lost", lost);
        out.put("text_changed", changed);
        out.put("rejected", fault == null || from == Long.MIN_VALUE ? feeder.rejected.get() : 0L);
        out.put("sha_disagreements", feeder.shaDisagreements.get());
        out.put("client_retries", feeder.retries.get());
        // cables the client was never told about (not acknowledged, so not counted lost): named in the run's log
        out.put("client_unanswered", feeder.unanswered.get());
        if (fault != null) {
            out.put("time_to_recover_s", recover);
        }
        if (!lostWhere.isEmpty()) {
            out.put("lost_cables", lostWhere.subList(0, Math.min(20, lostWhere.size())));
        }
        return out;
    }

    /** Each group's committed and end offsets per partition of the topic it reads. */
    private static Map<String, Object> groupOffsets(ChaosPipeline pipeline) {
        Map<String, Object> groups = new LinkedHashMap<>();
        try (var admin = pipeline.broker.admin()) {
            groups.put("parse-service on " + Topics.RAW, GroupLag.of(admin, "parse-service", Topics.RAW).toString());
            groups.put("store-service on " + Topics.PARSED,
                    GroupLag.of(admin, "store-service", Topics.PARSED).toString());
        } catch (Exception e) {
            groups.put("error", e.toString());
        }
        return groups;
    }

    static List<String> table(List<Map<String, Object>> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-14s %-17s %7s %7s %7s %6s %5s %7s %8s", "run", "fault", "sent", "acked", "stored",
                "twice", "lost", "changed", "recover"));
        for (Map<String, Object> row : rows) {
            if (row.containsKey("skipped")) {
                lines.add(String.format("%-14s %-17s skipped: %s", row.get("run"), row.get("fault"), row.get("skipped")));
                continue;
            }
            Object recover = row.get("time_to_recover_s");
            lines.add(String.format("%-14s %-17s %7s %7s %7s %6s %5s %7s %8s", row.get("run"), row.get("fault"),
                    row.get("sent"), row.get("acknowledged"), row.get("stored"), row.get("written_twice"),
                    row.get("lost"), row.get("text_changed"), recover == null ? "-" : recover + " s"));
        }
        return lines;
    }
}
