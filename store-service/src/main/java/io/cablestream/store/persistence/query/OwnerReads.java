package io.cablestream.store.persistence.query;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The only reads outside {@link ClearedReads}, as the tables' owner: whether a cable the reader could not see
 * exists (for the audit trail's "hidden"), and a whole cable for the portion-marked read, which withholds what is
 * above the reader itself. Nothing read here is returned to a reader as it is.
 */
@ApplicationScoped
public class OwnerReads {

    private final AgroalDataSource dataSource;

    public OwnerReads(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A stored cable with what decides who may read it. */
    public record MarkedCable(String cableId, String classification, Integer level, List<String> controls,
                              String subject, String rawText, String parsed) {
    }

    /** The classification of a stored cable ("" when it has none), or empty when no such cable is stored. */
    public Optional<String> classification(String cableId) {
        return one("SELECT coalesce(classification, '') FROM cable WHERE cable_id = ?", cableId,
                row -> row.getString(1));
    }

    public Optional<MarkedCable> marked(String cableId) {
        return one("SELECT cable_id, classification, clearance_level, controls, subject, raw_text, raw_bytes, parsed"
                + " FROM cable WHERE cable_id = ?", cableId, row -> {
                    byte[] exact = row.getBytes("raw_bytes");
                    return new MarkedCable(row.getString("cable_id"), row.getString("classification"),
                            (Integer) row.getObject("clearance_level", Integer.class),
                            Arrays.asList((String[]) row.getArray("controls").getArray()), row.getString("subject"),
                            exact != null ? new String(exact, StandardCharsets.UTF_8) : row.getString("raw_text"),
                            row.getString("parsed"));
                });
    }

    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> Optional<T> one(String sql, String cableId, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, cableId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(mapper.map(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("owner read failed: " + e.getMessage(), e);
        }
    }
}
