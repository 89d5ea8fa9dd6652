package io.cablestream.store.web;

import io.cablestream.store.persistence.query.DeadLetterSummary;

import java.util.List;

/**
 * The operators' page: each service's readiness, each stage's consumer lag, what each stage did over the last
 * minutes, the dead letters.
 */
public record PipelineStatus(List<Service> services, List<Stage> stages, List<Integer> rateMinutes, List<Rate> rates,
                             List<DeadLetterSummary> deadLetters, long deadLetterTotal) {

    /** A service and whether its readiness check says up; {@code detail} when it could not be asked. */
    public record Service(String name, boolean ready, String detail) {
    }

    /** A consumer group: records it has still to read, over its topics; null lag with why when unknown. */
    public record Stage(String name, String group, String topics, Long lag, String detail) {
    }

    /**
     * What a stage did in each window of {@link #rateMinutes}: records its topic received, or cables the store
     * wrote; null counts with why when the broker could not say.
     */
    public record Rate(String stage, String source, List<Count> counts, String detail) {
    }

    /** Records in the last {@code minutes}, and per minute. */
    public record Count(int minutes, long records) {
        public String perMinute() {
            return String.format(java.util.Locale.ROOT, "%.1f", (double) records / minutes);
        }
    }
}
