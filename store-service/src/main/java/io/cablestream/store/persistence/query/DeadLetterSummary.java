package io.cablestream.store.persistence.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A dead letter in a list: why, from where, and the start of its value ({@code preview}, controls as U+FFFD).
 * {@code resolved}: a cable of the same content (its key is the SHA-256 of the normalised text) has been stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterSummary(long id, Instant receivedAt, String reason, String sourceTopic,
                                Integer sourcePartition, Long sourceOffset, String key, String parserVersion,
                                long size, String preview, boolean resolved) {
}
