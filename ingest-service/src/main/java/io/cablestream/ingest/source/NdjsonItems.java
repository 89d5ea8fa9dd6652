package io.cablestream.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cablestream.ingest.service.CableValidator;
import io.cablestream.ingest.service.CableItem;
import io.cablestream.ingest.service.CableItems;
import io.cablestream.ingest.service.RejectedCableException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code application/x-ndjson}: one {@code {"text": ..., "source": ..., "release": {...}}} per line; blank lines
 * are skipped and a malformed line is rejected alone. A client that decoded the text from a file says from which
 * charset in {@code "charset"} (recorded in the record's charset header; UTF-8 when absent), and adds
 * {@code "charsetGuessed": true} when it had no declared charset and read bytes that were not UTF-8 as
 * Windows-1252 (this service's own rule for undeclared bytes), as {@code cables ingest} does.
 */
final class NdjsonItems implements CableItems {

    static final String MEDIA_TYPE = "application/x-ndjson";

    private final InputStream in;
    private final BoundedLines lines;
    private final ObjectMapper json;
    private final int maxCableBytes;
    private int lineNumber;

    NdjsonItems(InputStream in, ObjectMapper json, int maxCableBytes) {
        this.in = in;
        // JSON escapes (\\uXXXX) may make a line up to six times the cable, plus its other fields
        this.lines = new BoundedLines(in, maxCableBytes * 6 + 64 * 1024);
        this.json = json;
        this.maxCableBytes = maxCableBytes;
    }

    @Override
    public CableItem next() throws IOException {
        byte[] line;
        do {
            line = lines.next();
            lineNumber++;
        } while (line != null && line != BoundedLines.TOO_LONG && isBlank(line));
        if (line == null) {
            return null;
        }
        String where = "line " + lineNumber;
        if (line == BoundedLines.TOO_LONG) {
            return CableItem.unreadable(where, CableValidator.tooLarge("a longer line", maxCableBytes));
        }
        // a streaming parse: no tree of the line is built, the text is read once into its String
        try (JsonParser item = json.getFactory().createParser(line)) {
            if (item.nextToken() != JsonToken.START_OBJECT) {
                return CableItem.unreadable(where, malformed("is not a JSON object"));
            }
            String text = null;
            String source = where;
            Map<String, String> release = Map.of();
            Charset charset = null;
            boolean guessed = false;
            while (item.nextToken() == JsonToken.FIELD_NAME) {
                String field = item.currentName();
                JsonToken value = item.nextToken();
                if ("text".equals(field) && value == JsonToken.VALUE_STRING) {
                    text = item.getText();
                } else if ("source".equals(field) && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    source = item.getText();
                } else if ("release".equals(field) && value == JsonToken.START_OBJECT) {
                    release = release(item);
                } else if ("charset".equals(field) && value == JsonToken.VALUE_STRING) {
                    charset = charset(item.getText());
                    if (charset == null) {
                        return CableItem.unreadable(where, malformed("names an unknown charset: " + item.getText()));
                    }
                } else if ("charsetGuessed".equals(field) && value.isBoolean()) {
                    guessed = item.getBooleanValue();
                } else {
                    item.skipChildren();
                }
            }
            if (text == null) {
                return CableItem.unreadable(where, malformed("has no \"text\" string"));
            }
            return CableItem.ofText(source, text, charset, guessed, MEDIA_TYPE, release);
        } catch (JsonProcessingException e) {
            return CableItem.unreadable(where, malformed("is not JSON: " + e.getOriginalMessage()));
        }
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Map<String, String> release(JsonParser object) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (object.nextToken() == JsonToken.FIELD_NAME) {
            String name = object.currentName();
            JsonToken value = object.nextToken();
            if (value.isScalarValue()) {
                fields.put(name, object.getText());
            } else {
                object.skipChildren();
            }
        }
        return fields;
    }

    private RejectedCableException malformed(String why) {
        return new RejectedCableException(400, "malformed", "line " + lineNumber + " " + why);
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
