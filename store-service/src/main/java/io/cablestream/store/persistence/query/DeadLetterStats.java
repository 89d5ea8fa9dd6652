package io.cablestream.store.persistence.query;

import java.util.Map;

/** The stored dead letters: how many, and how many per short reason, most first. */
public record DeadLetterStats(long total, Map<String, Long> byReason) {
}
