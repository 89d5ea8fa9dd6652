package io.cablestream.parse.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Settings of parse-service: {@code cables.parse.*} in application.properties, each also set by its environment
 * variable {@code CABLES_PARSE_<NAME>}.
 */
@ConfigMapping(prefix = "cables.parse")
public interface ParseConfig {

    /**
     * Batches (the records of one poll of cables.raw) parsed at once on worker threads: parsing is CPU-bound, so
     * about the cores.
     */
    @WithDefault("2")
    int concurrency();

    /**
     * Parsed events sent and not yet acknowledged by the broker, at most; beyond it no raw record is taken. Bounds
     * the heap a broker outage can fill (each held event carries its raw text) and the resends after one.
     */
    @WithDefault("256")
    int maxUnacknowledged();

    /** Waits between the resends of a parsed event the broker did not take. */
    PublishBackoff publishBackoff();

    /** Exponential backoff of resends: {@code initial}, doubled after each failed send, up to {@code max}. */
    interface PublishBackoff {

        @WithDefault("500ms")
        Duration initial();

        @WithDefault("10s")
        Duration max();
    }
}
