package io.cablestream.store.persistence.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** One dead letter with everything its record said but the value, of which a longer preview is given. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(long id, Instant receivedAt, String reason, String reasonDetail, String exceptionClass,
                         String sourceTopic, Integer sourcePartition, Long sourceOffset, String key,
                         String parserVersion, String topic, int partition, long offset, Instant recordTime,
                         long size, String preview, boolean resolved) {
}
