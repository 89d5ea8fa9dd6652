package io.cablestream.load;

import org.apache.kafka.clients.admin.Admin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Once a second: cables acknowledged by ingest, rows stored, the lag of parse-service on cables.raw and of
 * store-service on cables.parsed (Admin API: end offsets minus committed offsets), and each process's memory.
 */
final class PipelineSampler implements AutoCloseable {

    /** One second of the run. */
    record Sample(double t, long acked, long stored, long rawLag, long parsedLag, long deadLetters,
                  Map<String, Long> rssKb) {
    }

    private final Admin admin;
    private final Connection db;
    private final LongSupplier acked;
    private final List<MeteredProcess> processes;
    private final long origin;
    final List<Sample> samples = new ArrayList<>();

    PipelineSampler(Admin admin, Connection db, LongSupplier acked, List<MeteredProcess> processes, long origin) {
        this.admin = admin;
        this.db = db;
        this.acked = acked;
        this.processes = processes;
        this.origin = origin;
    }

    Sample sample() throws Exception {
        long now = System.currentTimeMillis();
        Map<String, Long> rss = new LinkedHashMap<>();
        for (MeteredProcess process : processes) {
            rss.put(process.name(), process.sample());
        }
        Sample sample = new Sample((now - origin) / 1000.0, acked.getAsLong(), storedRows(),
                lag("parse-service", "cables.raw"), lag("store-service", "cables.parsed"),
                GroupLag.records(admin, "cables.dead-letter"), rss);
        samples.add(sample);
        return sample;
    }

    long storedRows() throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM cable")) {
            row.next();
            return row.getLong(1);
        }
    }

    private long lag(String group, String topic) throws Exception {
        return GroupLag.total(admin, group, topic);
    }

    @Override
    public void close() throws SQLException {
        db.close();
        admin.close();
    }
}
