package io.cablestream.events;

/** Header names of a record on {@link Topics#RAW}. Values are UTF-8 strings. */
public final class RawCableHeaders {

    /** UUID the ingest service gave the cable when it accepted it. */
    public static final String INGEST_ID = "ingestId";
    /** Lower-case hex SHA-256 of the normalised text; also the record key. */
    public static final String SHA256 = "sha256";
    /** Where the cable came from: a file name, an archive entry, a URL, "http". */
    public static final String SOURCE = "source";
    /** ISO-8601 UTC instant at which the ingest service accepted the cable. */
    public static final String RECEIVED_AT = "receivedAt";
    /** The media type the cable arrived with, e.g. {@code text/plain}. */
    public static final String CONTENT_TYPE = "contentType";
    /** The charset the bytes were decoded from before they were re-encoded as UTF-8. */
    public static final String CHARSET = "charset";
    /** "true" when no charset was declared and the bytes were not valid UTF-8, so Windows-1252 was assumed. */
    public static final String CHARSET_GUESSED = "charsetGuessed";
    /** W3C trace context of the ingest request, so one cable can be followed across services. */
    public static final String TRACEPARENT = "traceparent";
    /** Prefix of the headers that carry a release's own metadata (e.g. the cables.csv columns). */
    public static final String RELEASE_PREFIX = "release.";

    private RawCableHeaders() {
    }
}
