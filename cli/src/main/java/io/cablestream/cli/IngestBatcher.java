package io.cablestream.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Packs cables into batch bodies of at most {@code maxItems} cables or about {@code maxBytes}: files into an
 * uncompressed tar, their bytes as they are (neither side decodes, escapes or unescapes them: JSON-escaping
 * every file here and unescaping it in the service cost both more CPU than anything else they did per cable);
 * cables.csv rows, which carry release metadata, into NDJSON lines.
 */
final class IngestBatcher {

    static final String TAR = "application/x-tar";
    static final String NDJSON = "application/x-ndjson";

    private static final JsonFactory JSON = new JsonFactory();

    /** A request body, its Content-Type, and how many cables it holds. */
    record Batch(byte[] body, String contentType, int items) {
    }

    private final int maxItems;
    private final int maxBytes;
    private final Charset declared;
    private final Consumer<Batch> batches;
    private ByteArrayOutputStream body;
    private TarArchiveOutputStream tar; // open while the body holds files
    private int items;

    /** {@code declared}: the charset of every file ({@code --charset}), or null for the service's rule. */
    IngestBatcher(int maxItems, int maxBytes, Charset declared, Consumer<Batch> batches) {
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
        this.declared = declared;
        this.batches = batches;
    }

    void add(IngestItem item) {
        if (body != null && item.isFile() != (tar != null)) {
            flush();
        }
        if (body == null) {
            body = new ByteArrayOutputStream(Math.min(maxBytes + (1 << 20), 16 << 20));
            if (item.isFile()) {
                tar = new TarArchiveOutputStream(body, StandardCharsets.UTF_8.name());
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setAddPaxHeadersForNonAsciiNames(true);
            }
        }
        try {
            if (item.isFile()) {
                addFile(item);
            } else {
                addLine(item);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        items++;
        if (items >= maxItems || body.size() >= maxBytes) {
            flush();
        }
    }

    private void addFile(IngestItem item) throws IOException {
        // the path as the user gave it is the item's source, without a leading "/" as tar tools do: a reader
        // drops it anyway from names that need a PAX header (long or not ASCII), so names stay alike
        TarArchiveEntry entry = new TarArchiveEntry(item.source());
        entry.setSize(item.bytes().length);
        tar.putArchiveEntry(entry);
        tar.write(item.bytes());
        tar.closeArchiveEntry();
    }

    private void addLine(IngestItem item) throws IOException {
        try (JsonGenerator line = JSON.createGenerator(body)) {
            line.writeStartObject();
            line.writeStringField("text", item.text());
            line.writeStringField("source", item.source());
            // UTF-8 is what the service records when nothing is said; any other charset is named
            if (item.charset() != null && !StandardCharsets.UTF_8.equals(item.charset())) {
                line.writeStringField("charset", item.charset().name());
            }
            if (item.charsetGuessed()) {
                line.writeBooleanField("charsetGuessed", true);
            }
            if (!item.release().isEmpty()) {
                line.writeObjectFieldStart("release");
                for (Map.Entry<String, String> field : item.release().entrySet()) {
                    line.writeStringField(field.getKey(), field.getValue());
                }
                line.writeEndObject();
            }
            line.writeEndObject();
        }
        body.write('\n');
    }

    void flush() {
        if (items > 0) {
            String contentType = NDJSON;
            if (tar != null) {
                try {
                    tar.finish();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                contentType = declared == null ? TAR : TAR + "; charset=" + declared.name();
            }
            batches.accept(new Batch(body.toByteArray(), contentType, items));
        }
        body = null;
        tar = null;
        items = 0;
    }
}
