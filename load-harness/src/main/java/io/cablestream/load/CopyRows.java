package io.cablestream.load;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/** Writes (id, text) rows into a bare table with one COPY per call: the database's share of the ceiling. */
final class CopyRows {

    private final CopyManager copy;
    private final String sql;
    /** One row's COPY text at a time: the cables are escaped as UTF-8 bytes, never decoded to Strings. */
    private byte[] buffer = new byte[64 * 1024];

    CopyRows(Connection connection, String table) throws SQLException {
        this(connection.unwrap(PGConnection.class).getCopyAPI(), table);
    }

    CopyRows(CopyManager copy, String table) {
        this.copy = copy;
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

    /**
     * One COPY of all the rows; returns the rows written. The ceiling must cost the client as little as a
     * well-written one would: escaping via a String and a StringBuilder took 45 µs a cable here, a third of
     * what PostgreSQL spends storing it, and made the ceiling look lower than the machine's.
     */
    long write(List<String> ids, List<byte[]> bodies) throws SQLException {
        CopyIn in = copy.copyIn(sql);
        try {
            for (int i = 0; i < ids.size(); i++) {
                int length = encodeRow(ids.get(i), bodies.get(i)); // first: it may replace the buffer
                in.writeToCopy(buffer, 0, length);
            }
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** Puts one row in COPY's text format at the start of {@link #buffer}; returns its length. */
    int encodeRow(String id, byte[] body) {
        int length = escape(id.getBytes(StandardCharsets.UTF_8), 0);
        buffer[length++] = '\t';
        length = escape(body, length);
        buffer[length++] = '\n';
        return length;
    }

    byte[] buffer() {
        return buffer;
    }

    /**
     * COPY's text format, on UTF-8 bytes (the escaped characters are ASCII, which UTF-8 never uses inside a
     * multi-byte character): backslash, tab, newline and carriage return escaped; NUL, which text cannot hold,
     * dropped. Appends to {@link #buffer} at {@code at}; returns the new length.
     */
    private int escape(byte[] value, int at) {
        if (buffer.length < at + 2 * value.length + 2) {
            buffer = Arrays.copyOf(buffer, 2 * (at + 2 * value.length + 2));
        }
        byte[] out = buffer;
        int o = at;
        for (byte b : value) {
            switch (b) {
                case '\\' -> { out[o++] = '\\'; out[o++] = '\\'; }
                case '\t' -> { out[o++] = '\\'; out[o++] = 't'; }
                case '\n' -> { out[o++] = '\\'; out[o++] = 'n'; }
                case '\r' -> { out[o++] = '\\'; out[o++] = 'r'; }
                case 0 -> { }
                default -> out[o++] = b;
            }
        }
        return o;
    }
}
