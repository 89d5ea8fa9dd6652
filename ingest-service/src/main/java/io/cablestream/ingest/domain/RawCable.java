package io.cablestream.ingest.domain;

import java.time.Instant;

/** A cable as accepted: its normalised UTF-8 text and the facts of its arrival. */
public record RawCable(String ingestId, String sha256, byte[] text, String source, Instant receivedAt,
                       String contentType, String charset, boolean charsetGuessed) {
}
