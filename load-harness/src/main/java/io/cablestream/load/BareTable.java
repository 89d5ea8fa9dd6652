package io.cablestream.load;

import io.cablestream.copy.CopyRows;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A bare (id, text) table that the cables are written into with one COPY per call: the database's share of the ceiling. */
final class BareTable {

    private final CopyManager copy;
    private final CopyRows rows;

    private BareTable(CopyManager copy, String table) {
        this.copy = copy;
        this.rows = new CopyRows("COPY " + table + " (id, body) FROM STDIN");
    }

    /**
     * A table shaped like the store's {@code cable} row at its cheapest: a text primary key and the text, with the
     * TOAST compression store-service's migration picks (lz4 where the server has it, else none).
     */
    static BareTable create(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
            statement.execute("CREATE TABLE " + table + " (id text PRIMARY KEY, body text NOT NULL)");
            boolean lz4;
            try (var row = statement.executeQuery("SELECT 'lz4' = ANY (enumvals) FROM pg_settings "
                    + "WHERE name = 'default_toast_compression'")) {
                lz4 = row.next() && row.getBoolean(1);
            }
            statement.execute("ALTER TABLE " + table + " ALTER COLUMN body SET "
                    + (lz4 ? "COMPRESSION lz4" : "STORAGE EXTERNAL"));
        }
        return new BareTable(connection.unwrap(PGConnection.class).getCopyAPI(), table);
    }

    /** One COPY of all the rows, the cables escaped as their UTF-8 bytes; returns the rows written. */
    long write(List<String> ids, List<byte[]> bodies) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            rows.row(ids.get(i), bodies.get(i));
        }
        return rows.sendTo(copy);
    }
}
