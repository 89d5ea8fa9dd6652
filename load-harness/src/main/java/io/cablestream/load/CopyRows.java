package io.cablestream.load;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Writes (id, text) rows into a bare table with one COPY per call: the database's share of the ceiling. */
final class CopyRows {

    private final CopyManager copy;
    private final String sql;

    CopyRows(Connection connection, String table) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.sql = "COPY " + table + " (id, body) FROM STDIN";
    }

    /**
     * A table shaped like the store's {@code cable} row at its cheapest: a text primary key and the text, with the
     * TOAST compression store-service's migration picks (lz4 where the server has it, else none).
     */
    static void createTable(Connection connection, String table) throws SQLException {
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
    }

    /** One COPY of all the rows; returns the rows written. */
    long write(List<String> ids, List<byte[]> bodies) throws SQLException, IOException {
        StringBuilder text = new StringBuilder(bodies.size() * 8_000);
        for (int i = 0; i < ids.size(); i++) {
            appendEscaped(text, ids.get(i)).append('\t');
            appendEscaped(text, new String(bodies.get(i), StandardCharsets.UTF_8)).append('\n');
        }
        return copy.copyIn(sql, new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** COPY's text format: backslash, tab, newline and carriage return escaped; NUL, which text cannot hold, dropped. */
    static StringBuilder appendEscaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> { }
                default -> out.append(c);
            }
        }
        return out;
    }
}
