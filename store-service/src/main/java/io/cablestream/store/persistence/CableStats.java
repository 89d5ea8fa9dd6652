package io.cablestream.store.persistence;

import java.util.Map;

/** Counts of the stored cables; a cable without a classification, DTG or origin counts under "unknown". */
public record CableStats(long total, Map<String, Long> byClassification, Map<String, Long> byYear,
                         Map<String, Long> byOrigin) {

    public static final String UNKNOWN = "unknown";
}
