package io.cablestream.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiConsumer;

/** Packs cables into NDJSON batch bodies of at most {@code maxItems} cables or about {@code maxBytes}. */
final class IngestBatcher {

    private static final JsonFactory JSON = new JsonFactory();

    private final int maxItems;
    private final int maxBytes;
    private final BiConsumer<byte[], Integer> batches;
    private ByteArrayOutputStream body;
    private int items;

    IngestBatcher(int maxItems, int maxBytes, BiConsumer<byte[], Integer> batches) {
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
        this.batches = batches;
    }

    void add(IngestItem item) {
        if (body == null) {
            body = new ByteArrayOutputStream(Math.min(maxBytes + (1 << 20), 16 << 20));
        }
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body.write('\n');
        items++;
        if (items >= maxItems || body.size() >= maxBytes) {
            flush();
        }
    }

    void flush() {
        if (items > 0) {
            batches.accept(body.toByteArray(), items);
        }
        body = null;
        items = 0;
    }
}
