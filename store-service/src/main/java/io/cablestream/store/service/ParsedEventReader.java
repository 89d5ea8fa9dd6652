package io.cablestream.store.service;

import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;

/**
 * The value of a cables.parsed record as the store can keep it: a ParsedCable with a cable id and a parser version,
 * NUL characters replaced (text and jsonb cannot hold them). Anything else is refused with the reason a dead
 * letter carries.
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
        return cable;
    }
}
