package io.cablestream.store.service;

import java.util.ArrayList;
import java.util.List;

/**
 * What one batch did: cables inserted, cables replaced by a newer parser's reading, events ignored because the
 * stored reading is as new or newer (duplicates, redelivered events, older parsers), and the events the database
 * refused (a value it cannot hold), each with the reason, for the dead-letter topic.
 */
public record StoreResult(int inserted, int replaced, int ignored, List<Refusal> refused) {

    public StoreResult {
        refused = List.copyOf(refused);
    }

    public StoreResult(int inserted, int replaced, int ignored) {
        this(inserted, replaced, ignored, List.of());
    }

    /** Rows written: inserted or replaced. */
    public int stored() {
        return inserted + replaced;
    }

    public StoreResult plus(StoreResult other) {
        List<Refusal> allRefused = new ArrayList<>(refused);
        allRefused.addAll(other.refused);
        return new StoreResult(inserted + other.inserted, replaced + other.replaced, ignored + other.ignored,
                allRefused);
    }

    /** An event the database would not take, and the database's own words for why. */
    public record Refusal(CableEvent event, String reason, String exceptionClass) {
    }
}
