package io.cablestream.cli;

import io.cablestream.events.CableCharset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * One cable the CLI will send: where it came from, and either a file's bytes as they are (the service applies its
 * charset rule, or the charset declared with {@code --charset}) or the text of a cables.csv row, with the charset
 * it was decoded from (and whether that was guessed) and the row's release metadata.
 */
record IngestItem(String source, byte[] bytes, String text, Charset charset, boolean charsetGuessed,
                  Map<String, String> release) {

    static IngestItem file(String source, byte[] bytes) {
        return new IngestItem(source, bytes, null, null, false, Map.of());
    }

    static IngestItem row(String source, CableCharset.Decoded decoded, Map<String, String> release) {
        return new IngestItem(source, null, decoded.text(), decoded.charset(), decoded.guessed(), release);
    }

    boolean isFile() {
        return bytes != null;
    }

    /** The same cable with an ASCII line added at the end (the same bytes in every charset the CLI reads). */
    IngestItem withMarker(String marker) {
        if (!isFile()) {
            return new IngestItem(source, null, text + marker, charset, charsetGuessed, release);
        }
        byte[] ascii = marker.getBytes(StandardCharsets.US_ASCII);
        byte[] marked = Arrays.copyOf(bytes, bytes.length + ascii.length);
        System.arraycopy(ascii, 0, marked, bytes.length, ascii.length);
        return new IngestItem(source, marked, null, charset, charsetGuessed, release);
    }
}
