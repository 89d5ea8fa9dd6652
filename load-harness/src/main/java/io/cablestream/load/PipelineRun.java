package io.cablestream.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One load of the running pipeline: feed, sample every second until the last cable is stored, then the figures. */
final class PipelineRun {

    /** Without a stored row for this long after the last acknowledgement, the run ends as incomplete. */
    private static final long STALL_MILLIS = 120_000;

    private final PostgresServer postgres;
    private final IngestFeeder feeder;
    private final List<MeteredProcess> meters;
    private final PipelineSampler sampler;
    private final List<double[]> loadAverages = new ArrayList<>();
    private final long warmUpMillis;
    private long origin;
    private long finishedAt;
    private boolean complete;
    private String feedFailure;

    PipelineRun(BrokerProcess broker, PostgresServer postgres, IngestFeeder feeder, List<MeteredProcess> meters,
                int warmUpSeconds) throws Exception {
        this.postgres = postgres;
        this.warmUpMillis = warmUpSeconds * 1000L;
        this.feeder = feeder;
        this.meters = meters;
        this.origin = System.currentTimeMillis();
        this.sampler = new PipelineSampler(broker.admin(), postgres.connect(), feeder.accepted::get, meters, origin);
    }

    PipelineSampler sampler() {
        return sampler;
    }

    boolean complete() {
        return complete;
    }

    void execute() throws Exception {
        meters.forEach(MeteredProcess::startWindow);
        Thread feeding = new Thread(() -> {
            try {
                feeder.run();
            } catch (Exception e) {
                feedFailure = e.toString();
            }
        }, "ingest-feeder");
        LoadHarness.log("feeding through the ingest API");
        feeding.start();
        long lastProgress = System.currentTimeMillis();
        long lastStored = -1;
        long nextLog = 0;
        long previousStored = -1;
        while (true) {
            long tick = System.currentTimeMillis();
            PipelineSampler.Sample sample = sampler.sample();
            loadAverages.add(RunInfo.loadAverage());
            if (sample.stored() != lastStored) {
                lastStored = sample.stored();
                lastProgress = tick;
            }
            if (tick >= nextLog) {
                LoadHarness.log("t=%.0fs acked %d stored %d lag raw %d parsed %d dead %d load %.2f", sample.t(),
                        sample.acked(), sample.stored(), sample.rawLag(), sample.parsedLag(), sample.deadLetters(),
                        loadAverages.get(loadAverages.size() - 1)[0]);
                nextLog = tick + 10_000;
            }
            boolean fed = !feeding.isAlive();
            // done when every accepted cable is a row or a dead letter, or (cables whose parsed ids coincide are one
            // row) when both groups have committed everything and no row came since the last sample
            boolean drained = sample.rawLag() == 0 && sample.parsedLag() == 0 && sample.stored() == previousStored;
            if (fed && (sample.stored() + sample.deadLetters() >= feeder.accepted.get() || drained)) {
                complete = feedFailure == null;
                break;
            }
            previousStored = sample.stored();
            if (fed && tick - Math.max(lastProgress, feeder.finishedAt()) > STALL_MILLIS) {
                LoadHarness.log("no row stored for %d s: the run is incomplete", STALL_MILLIS / 1000);
                break;
            }
            Thread.sleep(Math.max(0, 1000 - (System.currentTimeMillis() - tick)));
        }
        finishedAt = System.currentTimeMillis();
    }

    Map<String, Object> figures(long corpusBytes) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("complete", complete);
        if (feedFailure != null) {
            figures.put("feed_failure", feedFailure);
        }
        figures.put("accepted", feeder.accepted.get());
        figures.put("duplicate", feeder.duplicate.get());
        figures.put("rejected", feeder.rejected.get());
        figures.put("retries_503", feeder.retries503.get());
        double feedSeconds = (feeder.finishedAt() - feeder.startedAt()) / 1000.0;
        figures.put("ingest_acknowledged", Ceiling.rate(feeder.accepted.get(), feeder.acceptedBytes.get(), feedSeconds));

        Stored stored = readStored();
        figures.put("stored", stored.count());
        long deadLetters = sampler.samples.isEmpty() ? 0 : sampler.samples.get(sampler.samples.size() - 1).deadLetters();
        figures.put("dead_letters", deadLetters);
        figures.put("same_id_as_another", feeder.accepted.get() - stored.count() - deadLetters);
        if (stored.count() > 0) {
            long last = stored.storedAt()[stored.count() - 1];
            double seconds = (last - feeder.startedAt()) / 1000.0;
            Map<String, Object> endToEnd = Ceiling.rate(stored.count(), feeder.acceptedBytes.get(), seconds);
            endToEnd.put("from", "first request sent to the last row's stored_at");
            figures.put("end_to_end", endToEnd);
            // the middle 80 % of the rows: no start-up or drain at either end
            int lo = stored.count() / 10;
            int hi = stored.count() * 9 / 10;
            if (hi > lo && stored.storedAt()[hi] > stored.storedAt()[lo]) {
                double steady = (hi - lo) / ((stored.storedAt()[hi] - stored.storedAt()[lo]) / 1000.0);
                figures.put("steady_cables_per_s", Ceiling.round(steady));
                figures.put("steady_mb_per_s", Ceiling.round(steady * corpusBytes / feeder.accepted.get() / 1e6));
            }
        }
        figures.put("latency_ack_to_stored", Percentiles.of(stored.ackToStored()));
        figures.put("latency_received_to_stored", Percentiles.of(stored.receivedToStored()));
        // what a running pipeline shows: the first seconds' cables wait for the JIT compilers of five cold JVMs
        Map<String, Object> warm = Percentiles.of(stored.ackToStoredWarm());
        warm.put("acknowledged_after_seconds", warmUpMillis / 1000);
        figures.put("latency_ack_to_stored_warm", warm);

        double windowSeconds = (finishedAt - feeder.startedAt()) / 1000.0;
        figures.put("window_seconds", Ceiling.round(windowSeconds));
        Map<String, Object> processes = new LinkedHashMap<>();
        for (MeteredProcess meter : meters) {
            Map<String, Object> process = new LinkedHashMap<>();
            process.put("pid", meter.pid());
            double cpu = meter.windowCpuSeconds();
            process.put("cpu_seconds", Ceiling.round(cpu));
            process.put("cpu_cores_avg", Math.round(cpu / windowSeconds * 100) / 100.0);
            // on a machine whose cores are all busy, throughput = cores / the sum of these
            process.put("cpu_ms_per_cable", Math.round(cpu * 1000.0 / Math.max(1, feeder.accepted.get()) * 100) / 100.0);
            process.put("peak_rss_mb_sampled", meter.peakRssKb() / 1024);
            process.put("vm_hwm_mb", meter.hwmKb() / 1024);
            processes.put(meter.name(), process);
        }
        figures.put("processes", processes);
        double[] mean = new double[3];
        double max = 0;
        for (double[] load : loadAverages) {
            for (int i = 0; i < Math.min(3, load.length); i++) {
                mean[i] += load[i] / loadAverages.size();
            }
            max = Math.max(max, load.length > 0 ? load[0] : 0);
        }
        figures.put("load_average_1m_mean", Ceiling.round(mean[0]));
        figures.put("load_average_1m_max", max);
        return figures;
    }

    /** stored_at of every row in order, and the latencies of the rows this run acknowledged. */
    private record Stored(int count, long[] storedAt, long[] ackToStored, long[] ackToStoredWarm,
                          long[] receivedToStored) {
    }

    /**
     * stored_at is now() of the store's transaction, i.e. its start: a row is visible a little later, at the commit,
     * so these latencies are short by the time a batch takes to write.
     */
    private Stored readStored() throws Exception {
        List<long[]> rows = new ArrayList<>();
        try (Connection db = postgres.connect(); Statement statement = db.createStatement()) {
            db.setAutoCommit(false);
            statement.setFetchSize(10_000);
            try (ResultSet row = statement.executeQuery("SELECT ingest_id, "
                    + "(extract(epoch FROM stored_at) * 1000)::bigint, (extract(epoch FROM received_at) * 1000)::bigint "
                    + "FROM cable")) {
                while (row.next()) {
                    Long acked = feeder.ackedAt.get(row.getString(1));
                    long received = row.getLong(3);
                    rows.add(new long[] {row.getLong(2), acked == null ? Long.MIN_VALUE : acked,
                            row.wasNull() ? Long.MIN_VALUE : received});
                }
            }
        }
        long[] storedAt = rows.stream().mapToLong(r -> r[0]).sorted().toArray();
        long[] ack = rows.stream().filter(r -> r[1] != Long.MIN_VALUE).mapToLong(r -> r[0] - r[1]).toArray();
        long warmFrom = feeder.startedAt() + warmUpMillis;
        long[] warm = rows.stream().filter(r -> r[1] != Long.MIN_VALUE && r[1] >= warmFrom)
                .mapToLong(r -> r[0] - r[1]).toArray();
        long[] received = rows.stream().filter(r -> r[2] != Long.MIN_VALUE).mapToLong(r -> r[0] - r[2]).toArray();
        return new Stored(storedAt.length, storedAt, ack, warm, received);
    }
}
