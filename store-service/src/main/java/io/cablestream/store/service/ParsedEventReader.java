package io.cablestream.store.service;

import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;

/**
 * The value of a cables.parsed record as the store can keep it: a ParsedCable with a cable id and a parser version,
 * NUL characters replaced (text and jsonb cannot hold them), of the contract's schema version. Anything else is
 * refused with the reason a dead letter carries.
 */
public final class ParsedEventReader {

    private ParsedEventReader() {
    }

    /** @throws RuntimeException whose message is the reason the event cannot be stored */
    public static ParsedCable read(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("the event has no value");
        }
        ParsedCable cable = CableJson.fromJson(value);
        if (NulFreeCable.mayHoldNul(value)) {
            // text and jsonb cannot hold NUL: U+FFFD in its place, rawText kept as bytes (CableWriter)
            cable = NulFreeCable.of(cable);
        }
        if (cable.cableId() == null || cable.cableId().isBlank()) {
            throw new IllegalArgumentException("the event has no cableId");
        }
        if (cable.parserVersion() == null) {
            throw new IllegalArgumentException("the event has no parserVersion");
        }
        if (cable.schemaVersion() != ParsedCable.SCHEMA_VERSION) {
            // read as v2, a v1 event would lose its ingest facts and paragraph texts (its paragraphs have no spans),
            // and a newer one may have renamed fields: neither is stored as if it were read right
            throw new IllegalArgumentException("schemaVersion " + cable.schemaVersion() + ": this store reads "
                    + ParsedCable.SCHEMA_VERSION + "; replay the cable's cables.raw records with parser 2.x");
        }
        return cable;
    }
}
