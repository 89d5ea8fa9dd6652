package io.cablestream.ingest.domain;

import java.nio.charset.Charset;
import java.util.Map;

/**
 * One cable as read from a request, a batch or a spool file, before it is checked: its bytes (or already
 * decoded text), where it came from, and the release metadata that travels with it. An item that could not
 * even be read (a malformed NDJSON line) carries the rejection instead.
 */
public record CableItem(String source, byte[] bytes, String text, Charset declared, String contentType,
                        Map<String, String> release, RejectedCableException unreadable) {

    public static CableItem ofBytes(String source, byte[] bytes, Charset declared, String contentType) {
        return new CableItem(source, bytes, null, declared, contentType, Map.of(), null);
    }

    public static CableItem ofText(String source, String text, String contentType, Map<String, String> release) {
        return new CableItem(source, null, text, null, contentType, release, null);
    }

    public static CableItem unreadable(String source, RejectedCableException why) {
        return new CableItem(source, null, null, null, null, Map.of(), why);
    }
}
