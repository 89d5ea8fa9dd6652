package io.cablestream.ingest.service;

import java.nio.charset.Charset;
import java.util.Map;

/**
 * One cable as read from a request, a batch or a spool file, before it is checked: its bytes (or already
 * decoded text), where it came from, and the release metadata that travels with it. An item that could not
 * even be read (a malformed NDJSON line) carries the rejection instead.
 */
public record CableItem(String source, byte[] bytes, String text, Charset declared, boolean guessed,
                        String contentType, Map<String, String> release, RejectedCableException unreadable) {

    public static CableItem ofBytes(String source, byte[] bytes, Charset declared, String contentType) {
        return new CableItem(source, bytes, null, declared, false, contentType, Map.of(), null);
    }

    public static CableItem ofText(String source, String text, String contentType, Map<String, String> release) {
        return ofText(source, text, null, false, contentType, release);
    }

    /**
     * Text a client already decoded, from bytes in {@code decodedFrom} (null: not said, UTF-8 is recorded);
     * {@code guessed} when the client did not know that charset but applied this service's rule (UTF-8, else
     * Windows-1252) and the bytes were not UTF-8.
     */
    public static CableItem ofText(String source, String text, Charset decodedFrom, boolean guessed,
                                   String contentType, Map<String, String> release) {
        return new CableItem(source, null, text, decodedFrom, guessed, contentType, release, null);
    }

    public static CableItem unreadable(String source, RejectedCableException why) {
        return new CableItem(source, null, null, null, false, null, Map.of(), why);
    }
}
