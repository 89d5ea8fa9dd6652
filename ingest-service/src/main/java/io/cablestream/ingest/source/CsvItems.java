package io.cablestream.ingest.source;

import io.cablestream.ingest.service.CableItem;
import io.cablestream.ingest.service.CableItems;
import io.cablestream.ingest.service.RejectedCableException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.cablestream.ingest.service.InputLimitException;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The WikiLeaks {@code cables.csv} dump: columns row number, date, canonical id, origin, classification,
 * references, header, body, with quoted multi-line fields. Each row is one cable whose text is the header, a
 * blank line and the body; the other columns travel as {@code release.*} record headers.
 */
final class CsvItems implements CableItems {

    static final String MEDIA_TYPE = "text/csv";
    private static final String[] RELEASE_COLUMNS = {"row", "date", "id", "origin", "classification", "references"};
    private static final int COLUMNS = 8;
    /** Room for the six columns besides header and body in a record's length limit. */
    static final int OTHER_COLUMNS_CHARS = 64 * 1024;

    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final Charset declared;
    private final RecordBound bound;

    /**
     * {@code maxRecordChars}: the most characters one record may take; an unterminated quote would otherwise
     * make one field of the rest of the body, held whole.
     */
    CsvItems(InputStream in, Charset declared, int maxRecordChars) throws IOException {
        // without a declared charset the bytes are kept as they are (ISO-8859-1 maps every byte to one char,
        // and the CSV syntax is ASCII), and each cable is decoded alone: UTF-8, else Windows-1252
        Charset reading = declared != null ? declared : StandardCharsets.ISO_8859_1;
        this.bound = new RecordBound(new InputStreamReader(in, reading), maxRecordChars);
        this.parser = CSVFormat.RFC4180.parse(bound);
        this.rows = parser.iterator();
        this.declared = declared;
    }

    @Override
    public CableItem next() {
        while (rows.hasNext()) {
            CSVRecord row = rows.next();
            bound.nextRecord();
            String where = "row " + row.getRecordNumber();
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != COLUMNS) {
                return CableItem.unreadable(where, new RejectedCableException(400, "malformed",
                        where + " has " + row.size() + " columns; cables.csv has " + COLUMNS));
            }
            if (row.getRecordNumber() == 1 && !row.get(0).strip().matches("\\d+")) {
                continue; // a header line, which the original dump does not have but re-exports often do
            }
            Map<String, String> release = new LinkedHashMap<>();
            for (int i = 0; i < RELEASE_COLUMNS.length; i++) {
                release.put(RELEASE_COLUMNS[i], row.get(i));
            }
            String text = row.get(6) + "\n\n" + row.get(7);
            String source = row.get(2).isBlank() ? where : row.get(2);
            Charset charset = declared != null ? declared : StandardCharsets.ISO_8859_1;
            return new CableItem(source, text.getBytes(charset), null, declared, false, MEDIA_TYPE, release, null);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * The characters read since the last record was returned, at most a limit (the parser reads ahead a buffer,
     * so the bound is this limit plus a few kilobytes).
     */
    private static final class RecordBound extends FilterReader {

        private final int maxChars;
        private long sinceLastRecord;

        RecordBound(Reader in, int maxChars) {
            super(in);
            this.maxChars = maxChars;
        }

        void nextRecord() {
            sinceLastRecord = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count(read);
            return read;
        }

        private void count(int chars) throws InputLimitException {
            if (chars > 0 && (sinceLastRecord += chars) > maxChars) {
                throw new InputLimitException(413, "too-large", "a cables.csv record is longer than " + maxChars
                        + " characters (cables.ingest.max-cable-bytes and 64 KiB for the other columns): a quote left "
                        + "open? The rest was not read");
            }
        }
    }
}
