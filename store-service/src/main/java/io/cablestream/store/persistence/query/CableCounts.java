package io.cablestream.store.persistence.query;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Aggregates over the stored cables: tag counts and {@code /api/stats}. */
@ApplicationScoped
public class CableCounts {

    private static final String TAGS = """
            SELECT code, kind, count(DISTINCT cable_id) AS cables FROM cable_tag
            GROUP BY code, kind ORDER BY cables DESC, code, kind""";
    // one statement, so one snapshot: the three groupings always add up to the total
    private static final String STATS = """
            SELECT GROUPING(classification, year, origin) AS grouping_set, classification, year, origin, count(*)
            FROM (SELECT classification, to_char(dtg AT TIME ZONE 'UTC', 'YYYY') AS year, origin FROM cable) c
            GROUP BY GROUPING SETS ((classification), (year), (origin), ())
            ORDER BY grouping_set, count(*) DESC, 2, 3, 4""";
    private static final int BY_CLASSIFICATION = 0b011;
    private static final int BY_YEAR = 0b101;
    private static final int BY_ORIGIN = 0b110;

    private final AgroalDataSource dataSource;
    private final DeadLetterQueries deadLetters;

    public CableCounts(AgroalDataSource dataSource, DeadLetterQueries deadLetters) {
        this.dataSource = dataSource;
        this.deadLetters = deadLetters;
    }

    public List<TagCount> tags() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(TAGS);
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

    public CableStats stats() {
        Map<String, Long> byClassification = new LinkedHashMap<>();
        Map<String, Long> byYear = new java.util.TreeMap<>();
        Map<String, Long> byOrigin = new LinkedHashMap<>();
        long total = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(STATS);
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

    private static String known(String key) {
        return key == null ? CableStats.UNKNOWN : key;
    }
}
