package io.cablestream.store.persistence;

/** What one batch did: rows written (new or replaced by a newer parser) and events ignored as not newer. */
public record StoreResult(int stored, int ignored) {
}
