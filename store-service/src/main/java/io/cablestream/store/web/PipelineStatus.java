package io.cablestream.store.web;

import io.cablestream.store.persistence.query.DeadLetterSummary;

import java.util.List;

/** The operators' page: each service's readiness, each stage's consumer lag, recent stores, the dead letters. */
public record PipelineStatus(List<Service> services, List<Stage> stages, List<Rate> stored,
                             List<DeadLetterSummary> deadLetters, long deadLetterTotal) {

    /** A service and whether its readiness check says up; {@code detail} when it could not be asked. */
    public record Service(String name, boolean ready, String detail) {
    }

    /** A consumer group: records it has still to read, over its topics; null lag with why when unknown. */
    public record Stage(String name, String group, String topics, Long lag, String detail) {
    }

    /** Cables stored (first written or replaced) in the last {@code minutes}, and per minute. */
    public record Rate(int minutes, long cables) {
        public String perMinute() {
            return String.format(java.util.Locale.ROOT, "%.1f", (double) cables / minutes);
        }
    }
}
