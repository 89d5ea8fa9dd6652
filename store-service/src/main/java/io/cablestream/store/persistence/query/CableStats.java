package io.cablestream.store.persistence.query;

import java.util.Map;

/**
 * Counts of the stored cables; a cable without a classification, DTG or origin counts under "unknown". And the
 * dead letters: records no service could store, by short reason.
 */
public record CableStats(long total, Map<String, Long> byClassification, Map<String, Long> byYear,
                         Map<String, Long> byOrigin, DeadLetterStats deadLetters) {

    public static final String UNKNOWN = "unknown";
}
