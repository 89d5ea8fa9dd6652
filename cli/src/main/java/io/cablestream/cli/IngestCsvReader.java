package io.cablestream.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 rows read one at a time: quoted fields may hold commas, doubled quotes and line breaks. */
final class IngestCsvReader {

    private final Reader in;
    private int peeked = -2;

    IngestCsvReader(Reader in) {
        this.in = in;
    }

    /** The next row's fields, or null at the end. */
    List<String> next() throws IOException {
        if (peek() == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new IOException("a quoted field is not closed before the end of the file");
                } else if (c == '"' && peek() == '"') {
                    field.append((char) read());
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && peek() == '\n') {
                continue;
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        return c;
    }
}
