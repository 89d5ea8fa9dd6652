package io.cablestream.parse.replay;

import java.util.Map;

/**
 * What a replay did: records read, parsed events republished, records the current parser still refuses
 * (with their reasons), and records skipped because they were not raw cables (e.g. the store's dead letters).
 */
public record ReplayReport(long read, long republished, long stillFailing, long skipped,
                           Map<String, Long> failuresByReason) {
}
