package io.cablestream.store.service;

import java.time.Instant;

/**
 * One record of cables.dead-letter as the store keeps it: its own coordinates (its identity), the original key and
 * value, and the reason headers; {@code reason} is the short form of {@code reasonDetail} that lists filter on.
 */
public record DeadLetterRecord(String topic, int partition, long offset, String key, String reason,
                               String reasonDetail, String exceptionClass, String sourceTopic,
                               Integer sourcePartition, Long sourceOffset, String parserVersion, byte[] value,
                               Instant recordTime) {

    private static final int MAX_REASON = 80;

    /**
     * The reason's stable head, for grouping: PostgreSQL's "ERROR: " dropped, cut at the first ':', '(' or line
     * end ({@code no cable id could be read (...)} -> {@code no cable id could be read}), at most 80 characters.
     */
    public static String shortReason(String detail) {
        if (detail == null || detail.isBlank()) {
            return "unknown";
        }
        String s = detail.startsWith("ERROR: ") ? detail.substring("ERROR: ".length()) : detail;
        int end = s.length();
        for (char stop : new char[]{':', '(', '\n', '\r'}) {
            int at = s.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        String head = s.substring(0, Math.min(end, MAX_REASON)).trim();
        return head.isEmpty() ? "unknown" : ControlCharacters.replaced(head);
    }
}
