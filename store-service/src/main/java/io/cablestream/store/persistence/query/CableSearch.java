package io.cablestream.store.persistence.query;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/cables} in SQL, within the reader's clearance: filters, DTG order and keyset pagination, which reads only one page of an
 * index at any depth. User input reaches the statement only as bound parameters.
 */
@ApplicationScoped
public class CableSearch {

    /** Must stay the expression of the V2 sort indexes, or they are not used. */
    static final String SORT_KEY = "coalesce(c.dtg, '-infinity'::timestamptz)";

    private final ClearedReads reads;

    public CableSearch(ClearedReads reads) {
        this.reads = reads;
    }

    public CablePage find(CableQuery query) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT c.cable_id, c.dtg, c.classification, c.origin, c.sender, c.subject,
                       ARRAY(SELECT t.code FROM cable_tag t WHERE t.cable_id = c.cable_id ORDER BY t.position) AS tags
                FROM cable c""").append(filters(query, parameters));
        String direction = query.newestFirst() ? "DESC" : "ASC";
        if (query.after() != null) {
            sql.append(" AND (").append(SORT_KEY).append(", c.cable_id) ")
                    .append(query.newestFirst() ? "<" : ">").append(" (?::timestamptz, ?)");
            parameters.add(query.after().sortKey());
            parameters.add(query.after().cableId());
        }
        sql.append(" ORDER BY ").append(SORT_KEY).append(' ').append(direction)
                .append(", c.cable_id ").append(direction).append(" LIMIT ?");
        // one row more than the page tells whether there is a next page
        parameters.add(query.limit() + 1);
        List<CableSummary> rows = select(sql.toString(), parameters);
        if (rows.size() <= query.limit()) {
            return new CablePage(rows, null);
        }
        List<CableSummary> page = rows.subList(0, query.limit());
        CableSummary last = page.get(page.size() - 1);
        return new CablePage(List.copyOf(page), new Cursor(last.dtg(), last.cableId()).encode());
    }

    /** How many cables match the query's filters (all its pages), within the reader's clearance. */
    public long count(CableQuery query) {
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT count(*) FROM cable c" + filters(query, parameters);
        try (Connection connection = reads.connection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cable count failed: " + e.getMessage(), e);
        }
    }

    /** The WHERE clause of the query's filters, the clearance's first; their values are added to parameters. */
    private static String filters(CableQuery query, List<Object> parameters) {
        StringBuilder sql = new StringBuilder(" WHERE ").append(ClearedReads.visible("c"));
        if (query.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM cable_tag t WHERE t.cable_id = c.cable_id AND t.code = ?)");
            parameters.add(query.tag());
        }
        if (query.origin() != null) {
            sql.append(" AND c.origin = ?");
            parameters.add(query.origin());
        }
        if (query.classification() != null) {
            sql.append(" AND c.classification = ?");
            parameters.add(query.classification());
        }
        if (query.from() != null) {
            // on the sort key, not on dtg, so that the range is a range of the sort indexes
            sql.append(" AND ").append(SORT_KEY).append(" >= ?");
            parameters.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" AND ").append(SORT_KEY).append(" < ? AND c.dtg IS NOT NULL");
            parameters.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        if (query.text() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM cable_search s WHERE s.cable_id = c.cable_id"
                    + " AND s.document @@ websearch_to_tsquery('english', ?))");
            parameters.add(query.text());
        }
        return sql.toString();
    }

    private void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int first = reads.bind(statement, 1);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(first + i, parameters.get(i));
        }
    }

    private List<CableSummary> select(String sql, List<Object> parameters) {
        try (Connection connection = reads.connection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<CableSummary> summaries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    summaries.add(summary(rows));
                }
            }
            return summaries;
        } catch (SQLException e) {
            throw new IllegalStateException("cable search failed: " + e.getMessage(), e);
        }
    }

    private static CableSummary summary(ResultSet row) throws SQLException {
        OffsetDateTime dtg = row.getObject("dtg", OffsetDateTime.class);
        String[] tags = (String[]) row.getArray("tags").getArray();
        return new CableSummary(row.getString("cable_id"), dtg == null ? null : dtg.toInstant(),
                row.getString("classification"), row.getString("origin"), row.getString("sender"),
                row.getString("subject"), Arrays.asList(tags));
    }
}
