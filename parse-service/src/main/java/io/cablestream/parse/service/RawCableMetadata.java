package io.cablestream.parse.service;

import io.cablestream.events.ParsedCable;
import io.cablestream.parser.CableParser;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What ingest said about a raw cable beside its text (the record headers of cables.raw, as text; null where absent):
 * its ids, source and charset, and the release's columns that came with it (a cables.csv row's id, date and
 * classification, ingest's {@code release.*} headers).
 */
public record RawCableMetadata(String ingestId, String sha256, String receivedAt, String source, String charset,
                               String releaseId, String releaseDate, String releaseClassification) {

    /** The release's columns for the parser, which takes them where the text lost its header; null without any. */
    public CableParser.ReleaseMetadata release() {
        return releaseId == null && releaseDate == null && releaseClassification == null ? null
                : new CableParser.ReleaseMetadata(releaseId, releaseDate, releaseClassification);
    }

    /** The parsed event's {@code ingest} part; a received-at time that is not an instant is left out. */
    public ParsedCable.Ingest ingest() {
        return new ParsedCable.Ingest(ingestId, sha256, instant(receivedAt), source, charset);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
