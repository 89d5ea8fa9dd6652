package io.cablestream.store.persistence.query;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The reference graph, both directions, within the reader's clearance: a cable above it is not stored as far as the
 * reader can tell (a visible cable's reference to it stays, as its text names it) and never among the citing ones.
 */
@ApplicationScoped
public class CableGraph {

    private static final String REFERENCES = """
            SELECT r.label, r.referenced_cable_id, r.text, t.cable_id IS NOT NULL AS stored, t.dtg, t.subject
            FROM cable_reference r LEFT JOIN cable t ON t.cable_id = r.referenced_cable_id AND %s
            WHERE r.cable_id = ? ORDER BY r.position""".formatted(ClearedReads.visible("t"));
    private static final String CITED_BY = """
            SELECT c.cable_id, c.dtg, c.classification, c.subject,
                   array_agg(r.label ORDER BY r.position) FILTER (WHERE r.label IS NOT NULL) AS labels
            FROM cable_reference r JOIN cable c ON c.cable_id = r.cable_id AND %s
            WHERE r.referenced_cable_id = ?
            GROUP BY c.cable_id
            ORDER BY coalesce(c.dtg, '-infinity'::timestamptz) DESC, c.cable_id DESC""".formatted(ClearedReads.visible("c"));

    private final ClearedReads reads;

    public CableGraph(ClearedReads reads) {
        this.reads = reads;
    }

    public boolean isStored(String cableId) {
        try (Connection connection = reads.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM cable c WHERE c.cable_id = ? AND " + ClearedReads.visible("c"))) {
            select.setString(1, cableId);
            reads.bind(select, 2);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The classification of each of these cables that is stored and visible (null where it was not read). */
    public java.util.Map<String, String> classifications(java.util.Collection<String> cableIds) {
        java.util.Map<String, String> found = new java.util.HashMap<>();
        try (Connection connection = reads.connection();
             PreparedStatement select = connection.prepareStatement("SELECT c.cable_id, c.classification FROM cable c"
                     + " WHERE c.cable_id = ANY (?) AND " + ClearedReads.visible("c"))) {
            select.setArray(1, connection.createArrayOf("text", cableIds.toArray()));
            reads.bind(select, 2);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getString(2));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("classification query failed: " + e.getMessage(), e);
        }
    }

    /** What the cable cites, in REF order; empty when the cable is not stored. */
    public Optional<List<ReferenceLink>> references(String cableId) {
        if (!isStored(cableId)) {
            return Optional.empty();
        }
        return Optional.of(query(REFERENCES, cableId, row -> new ReferenceLink(row.getString("label"),
                row.getString("referenced_cable_id"), row.getString("text"), row.getBoolean("stored"),
                instant(row), row.getString("subject"))));
    }

    /** The stored cables that cite this id, newest first; the id itself need not be stored. */
    public List<CitingCable> citedBy(String cableId) {
        return query(CITED_BY, cableId, row -> new CitingCable(row.getString("cable_id"), instant(row),
                row.getString("classification"), row.getString("subject"), labels(row.getArray("labels"))));
    }

    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, String cableId, RowMapper<T> mapper) {
        try (Connection connection = reads.connection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(reads.bind(select, 1), cableId);
            List<T> items = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(mapper.map(rows));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("reference query failed: " + e.getMessage(), e);
        }
    }

    private static java.time.Instant instant(ResultSet row) throws SQLException {
        OffsetDateTime dtg = row.getObject("dtg", OffsetDateTime.class);
        return dtg == null ? null : dtg.toInstant();
    }

    private static List<String> labels(Array labels) throws SQLException {
        return labels == null ? List.of() : Arrays.asList((String[]) labels.getArray());
    }
}
