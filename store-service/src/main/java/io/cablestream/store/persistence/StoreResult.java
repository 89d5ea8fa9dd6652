package io.cablestream.store.persistence;

/**
 * What one batch did: cables inserted, cables replaced by a newer parser's reading, and events ignored because
 * the stored reading is as new or newer (duplicates, redelivered events, older parsers).
 */
public record StoreResult(int inserted, int replaced, int ignored) {

    /** Rows written: inserted or replaced. */
    public int stored() {
        return inserted + replaced;
    }
}
