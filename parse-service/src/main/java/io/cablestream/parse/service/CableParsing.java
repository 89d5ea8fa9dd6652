package io.cablestream.parse.service;

import io.cablestream.events.ParsedCable;
import io.cablestream.parser.CableParser;

import java.util.stream.Collectors;

/**
 * Turns the text of one raw cable into a ParsedCable, or says why it cannot be stored: the parse-service's own
 * rules around cable-parser, without Kafka or metrics (messaging/RawRecordParser brings those).
 */
public class CableParsing {

    private final CableParser parser = new CableParser();

    /**
     * The parsed cable, or why it cannot be stored. The source (the file or archive entry name ingest read it from)
     * gives the id of a partial extract whose text has no year, where it agrees with the text; the release's columns
     * are taken where the text lost its header.
     */
    public ParsedCable read(byte[] bytes, RawCableMetadata metadata) {
        if (bytes == null || bytes.length == 0) {
            throw new UnparseableCableException("empty", "empty record");
        }
        ParsedCable cable;
        try {
            cable = parser.parse(bytes, metadata.release(), metadata.source());
        } catch (RuntimeException e) {
            throw new UnparseableCableException("parser-error", "parser failure: " + e, e);
        }
        if (cable.cableId() == null) {
            String warnings = cable.warnings().stream().map(w -> w.code() + ": " + w.message())
                    .collect(Collectors.joining("; "));
            // a parse stopped by its time budget before the id was read is told apart: a replay may well read it
            boolean timedOut = cable.warnings().stream().anyMatch(w -> w.code().equals("PARSE_TIMEOUT"));
            throw new UnparseableCableException(timedOut ? "parse-timeout" : "no-cable-id",
                    "no cable id could be read" + (warnings.isEmpty() ? "" : " (" + warnings + ")"));
        }
        return cable;
    }
}
