package io.cablestream.store.persistence.query;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Aggregates over the stored cables the reader may see: tag counts and {@code /api/stats}. */
@ApplicationScoped
public class CableCounts {

    private static final String TAGS = """
            SELECT t.code, t.kind, count(DISTINCT t.cable_id) AS cables
            FROM cable_tag t JOIN cable c ON c.cable_id = t.cable_id AND %s
            GROUP BY t.code, t.kind ORDER BY cables DESC, t.code, t.kind""".formatted(ClearedReads.visible("c"));
    /** A code's cables whatever kind it was read as (FR the country, FR an organisation), most used first. */
    private static final String TAG_CODES = """
            SELECT t.code, count(DISTINCT t.cable_id) AS cables
            FROM cable_tag t JOIN cable c ON c.cable_id = t.cable_id AND %s
            GROUP BY t.code ORDER BY cables DESC, t.code LIMIT ?""".formatted(ClearedReads.visible("c"));
    // one statement, so one snapshot: the three groupings always add up to the total
    private static final String STATS = """
            SELECT GROUPING(classification, year, origin) AS grouping_set, classification, year, origin, count(*)
            FROM (SELECT classification, to_char(dtg AT TIME ZONE 'UTC', 'YYYY') AS year, origin FROM cable c WHERE %s) c
            GROUP BY GROUPING SETS ((classification), (year), (origin), ())
            ORDER BY grouping_set, count(*) DESC, 2, 3, 4""".formatted(ClearedReads.visible("c"));
    private static final int BY_CLASSIFICATION = 0b011;
    private static final int BY_YEAR = 0b101;
    private static final int BY_ORIGIN = 0b110;

    private final ClearedReads reads;
    private final DeadLetterQueries deadLetters;

    public CableCounts(ClearedReads reads, DeadLetterQueries deadLetters) {
        this.reads = reads;
        this.deadLetters = deadLetters;
    }

    public List<TagCount> tags() {
        try (Connection connection = reads.connection();
             PreparedStatement select = bound(connection, TAGS);
             ResultSet rows = select.executeQuery()) {
            List<TagCount> tags = new ArrayList<>();
            while (rows.next()) {
                tags.add(new TagCount(rows.getString(1), rows.getString(2), rows.getLong(3)));
            }
            return tags;
        } catch (SQLException e) {
            throw new IllegalStateException("tag counts failed: " + e.getMessage(), e);
        }
    }

    /** The {@code limit} most used tag codes and their cables, each cable once per code, most used first. */
    public Map<String, Long> mostUsedTagCodes(int limit) {
        try (Connection connection = reads.connection();
             PreparedStatement select = bound(connection, TAG_CODES)) {
            select.setInt(3, limit);
            Map<String, Long> codes = new LinkedHashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    codes.put(rows.getString(1), rows.getLong(2));
                }
            }
            return codes;
        } catch (SQLException e) {
            throw new IllegalStateException("tag code counts failed: " + e.getMessage(), e);
        }
    }

    public CableStats stats() {
        Map<String, Long> byClassification = new LinkedHashMap<>();
        Map<String, Long> byYear = new java.util.TreeMap<>();
        Map<String, Long> byOrigin = new LinkedHashMap<>();
        long total = 0;
        try (Connection connection = reads.connection();
             PreparedStatement select = bound(connection, STATS);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long count = rows.getLong(5);
                switch (rows.getInt(1)) {
                    case BY_CLASSIFICATION -> byClassification.put(known(rows.getString(2)), count);
                    case BY_YEAR -> byYear.put(known(rows.getString(3)), count);
                    case BY_ORIGIN -> byOrigin.put(known(rows.getString(4)), count);
                    default -> total = count;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("stats failed: " + e.getMessage(), e);
        }
        return new CableStats(total, byClassification, byYear, byOrigin, deadLetters.stats());
    }

    /** Cables the reader may see that were stored (first written or replaced) since {@code since}. */
    public long storedSince(java.time.Instant since) {
        try (Connection connection = reads.connection();
             PreparedStatement select = bound(connection,
                     "SELECT count(*) FROM cable c WHERE " + ClearedReads.visible("c") + " AND c.stored_at >= ?")) {
            select.setObject(3, java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("stored count failed: " + e.getMessage(), e);
        }
    }

    /** The statement with the reader's clearance bound: its only parameters. */
    private PreparedStatement bound(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        reads.bind(statement, 1);
        return statement;
    }

    private static String known(String key) {
        return key == null ? CableStats.UNKNOWN : key;
    }
}
