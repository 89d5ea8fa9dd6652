package io.cablestream.store.service;

import io.cablestream.events.ParsedCable;

/**
 * One parsed cable as it came off cables.parsed, with the W3C trace id its record carried (null without one), so
 * that a cable's row tells which trace, started at ingest, brought it there.
 */
public record CableEvent(ParsedCable cable, String traceId) {

    public String cableId() {
        return cable.cableId();
    }
}
