package io.cablestream.ingest.service;

import java.time.Instant;
import java.util.Map;

/**
 * A cable as accepted: its normalised UTF-8 text, the facts of its arrival, and the metadata its release
 * published with it (the cables.csv columns; empty for a bare cable).
 */
public record RawCable(String ingestId, String sha256, byte[] text, String source, Instant receivedAt,
                       String contentType, String charset, boolean charsetGuessed, Map<String, String> release) {
}
