package io.cablestream.load;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What the store wrote, read back by content: per SHA-256 of the normalised text, how many times its row was
 * written (the store's {@code writes} column: 1 for an insert, +1 for each replacement), whether the stored text
 * still hashes to that SHA-256, and when it was stored. Counting by a table whose key forbids doubles proves
 * nothing; the write counter and the text's own hash do.
 */
final class StoreAudit {

    record Row(int writes, boolean textIntact, long storedAt) {
    }

    private StoreAudit() {
    }

    /** Is a cable of this content stored (a probe, between the faults)? */
    static boolean isStored(PostgresServer postgres, String sha256) throws Exception {
        try (Connection db = postgres.connect();
             var select = db.prepareStatement("SELECT 1 FROM cable WHERE content_sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (java.sql.SQLException e) {
            return false; // PostgreSQL is being restarted
        }
    }

    /** What the store holds under a cable id (a lost cable's id may hold another text): for the lost cables' report. */
    static String describeId(PostgresServer postgres, String cableId) throws Exception {
        try (Connection db = postgres.connect();
             var select = db.prepareStatement("SELECT content_sha256, ingest_id, writes, parser_version, stored_at "
                     + "FROM cable WHERE cable_id = ?")) {
            select.setString(1, cableId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? "its id holds sha " + row.getString(1) + ", ingest id " + row.getString(2)
                        + ", writes " + row.getInt(3) + ", parser " + row.getString(4) + ", stored "
                        + row.getTimestamp(5).toInstant() : "no row of its id";
            }
        }
    }

    static Map<String, Row> read(PostgresServer postgres) throws Exception {
        Map<String, Row> rows = new HashMap<>();
        try (Connection db = postgres.connect(); Statement statement = db.createStatement()) {
            db.setAutoCommit(false);
            statement.setFetchSize(2_000);
            try (ResultSet row = statement.executeQuery("SELECT content_sha256, writes, raw_text, "
                    + "(extract(epoch FROM stored_at) * 1000)::bigint FROM cable")) {
                while (row.next()) {
                    String sha = row.getString(1);
                    String text = row.getString(3);
                    boolean intact = sha != null && text != null
                            && sha.equals(FeedCable.sha256(text.getBytes(StandardCharsets.UTF_8)));
                    rows.merge(sha, new Row(row.getInt(2), intact, row.getLong(4)),
                            // two rows of one text would be a double too: their writes add up
                            (a, b) -> new Row(a.writes() + b.writes(), a.textIntact() && b.textIntact(),
                                    Math.min(a.storedAt(), b.storedAt())));
                }
            }
        }
        return rows;
    }
}
