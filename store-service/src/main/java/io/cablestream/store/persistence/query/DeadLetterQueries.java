package io.cablestream.store.persistence.query;

import io.cablestream.store.service.ControlCharacters;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the dead_letter table: pages newest first (keyset on the id), one record, its exact value, counts.
 * {@code resolved} is computed when read: a cable whose content SHA-256 is the record's key is stored (parse-service's
 * dead letters keep the raw record's key, that hash), or, for the store's own (keyed by cable id), the cable was
 * stored after the dead letter arrived. A dead letter's classification is unknown: only a reader cleared for
 * everything sees them.
 */
@ApplicationScoped
public class DeadLetterQueries {

    private static final int PREVIEW = 200;
    private static final int DETAIL_PREVIEW = 2000;
    private static final String RESOLVED = """
            (EXISTS (SELECT 1 FROM cable c WHERE c.content_sha256 = d.record_key)
             OR (d.source_topic = 'cables.parsed'
                 AND EXISTS (SELECT 1 FROM cable c WHERE c.cable_id = d.record_key AND c.stored_at > d.received_at)))""";
    private static final String COLUMNS = "d.id, d.received_at, d.reason, d.source_topic, d.source_partition,"
            + " d.source_offset, d.record_key, d.parser_version, length(d.value) AS size,"
            + " substring(d.value FROM 1 FOR ?) AS head, " + RESOLVED + " AS resolved";

    private final ClearedReads reads;

    public DeadLetterQueries(ClearedReads reads) {
        this.reads = reads;
    }

    /** @param afterId the last id of the previous page (from its cursor), or null for the first page */
    public DeadLetterPage page(String reason, int limit, Long afterId) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM dead_letter d WHERE " + ClearedReads.visibleUnclassified());
        if (reason != null) {
            sql.append(" AND d.reason = ?");
        }
        if (afterId != null) {
            sql.append(" AND d.id < ?");
        }
        sql.append(" ORDER BY d.id DESC LIMIT ?");
        try (Connection connection = reads.connection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            select.setInt(1, PREVIEW);
            int i = reads.bind(select, 2) - 1;
            if (reason != null) {
                select.setString(++i, reason);
            }
            if (afterId != null) {
                select.setLong(++i, afterId);
            }
            select.setInt(++i, limit + 1);
            List<DeadLetterSummary> items = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(summary(rows));
                }
            }
            if (items.size() <= limit) {
                return new DeadLetterPage(items, null);
            }
            List<DeadLetterSummary> page = List.copyOf(items.subList(0, limit));
            return new DeadLetterPage(page, encodeCursor(page.get(limit - 1).id()));
        } catch (SQLException e) {
            throw new IllegalStateException("dead-letter list failed: " + e.getMessage(), e);
        }
    }

    public Optional<DeadLetter> find(long id) {
        String sql = "SELECT " + COLUMNS + ", d.reason_detail, d.exception_class, d.topic, d.topic_partition,"
                + " d.topic_offset, d.record_time FROM dead_letter d WHERE d.id = ? AND " + ClearedReads.visibleUnclassified();
        try (Connection connection = reads.connection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, DETAIL_PREVIEW);
            select.setLong(2, id);
            reads.bind(select, 3);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                DeadLetterSummary s = summary(row);
                return Optional.of(new DeadLetter(s.id(), s.receivedAt(), s.reason(), row.getString("reason_detail"),
                        row.getString("exception_class"), s.sourceTopic(), s.sourcePartition(), s.sourceOffset(),
                        s.key(), s.parserVersion(), row.getString("topic"), row.getInt("topic_partition"),
                        row.getLong("topic_offset"), instant(row.getTimestamp("record_time")), s.size(),
                        s.preview(), s.resolved()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dead-letter lookup failed: " + e.getMessage(), e);
        }
    }

    /** The record's value, byte for byte. */
    public Optional<byte[]> value(long id) {
        try (Connection connection = reads.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT value FROM dead_letter d WHERE d.id = ? AND " + ClearedReads.visibleUnclassified())) {
            select.setLong(1, id);
            reads.bind(select, 2);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dead-letter lookup failed: " + e.getMessage(), e);
        }
    }

    public DeadLetterStats stats() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        long total = 0;
        try (Connection connection = reads.connection();
             PreparedStatement select = connection.prepareStatement("SELECT reason, count(*) FROM dead_letter d WHERE "
                     + ClearedReads.visibleUnclassified() + " GROUP BY reason ORDER BY count(*) DESC, reason")) {
            reads.bind(select, 1);
            ResultSet rows = select.executeQuery();
            while (rows.next()) {
                byReason.put(rows.getString(1), rows.getLong(2));
                total += rows.getLong(2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dead-letter counts failed: " + e.getMessage(), e);
        }
        return new DeadLetterStats(total, byReason);
    }

    /** Opaque to clients: base64url of the last id of the page. */
    static String encodeCursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("dl:" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor of this list */
    public static long decodeCursor(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!plain.startsWith("dl:")) {
                throw new IllegalArgumentException("not a dead-letter cursor");
            }
            return Long.parseLong(plain.substring(3));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new IllegalArgumentException("not a dead-letter cursor", e);
        }
    }

    private static DeadLetterSummary summary(ResultSet row) throws SQLException {
        return new DeadLetterSummary(row.getLong("id"), instant(row.getTimestamp("received_at")),
                row.getString("reason"), row.getString("source_topic"), (Integer) row.getObject("source_partition"),
                (Long) row.getObject("source_offset"), row.getString("record_key"), row.getString("parser_version"),
                row.getLong("size"), preview(row.getBytes("head")), row.getBoolean("resolved"));
    }

    /** The bytes as UTF-8 (a character cut at the end or malformed becomes U+FFFD), control characters too. */
    private static String preview(byte[] head) {
        return head == null ? null : ControlCharacters.replaced(new String(head, StandardCharsets.UTF_8));
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
