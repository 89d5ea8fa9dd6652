package io.cablestream.ingest.service;

import java.util.List;

/**
 * The broker did not acknowledge in time (down, slow, or the in-flight window is full), so nothing more is
 * accepted: answered 503 with Retry-After. {@code settled} lists the items of a batch that were settled before,
 * so a client that sends the batch again can tell its own earlier acceptances from real duplicates.
 */
public class BrokerUnavailableException extends RuntimeException {

    private final transient List<ItemOutcome> settled;

    public BrokerUnavailableException(String detail, List<ItemOutcome> settled) {
        super(detail);
        this.settled = List.copyOf(settled);
    }

    public List<ItemOutcome> settled() {
        return settled;
    }
}
