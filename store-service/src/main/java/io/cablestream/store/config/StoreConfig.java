package io.cablestream.store.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The store's own settings ({@code cables.store.*}); Kafka and datasource settings are Quarkus' own. */
@ConfigMapping(prefix = "cables.store")
public interface StoreConfig {

    Search search();

    Page page();

    Retry retry();

    /**
     * {@code GET /api/cables/{id}/portions} of a cable above the reader's clearance: the portions its own markings
     * put within it. Off unless the operator turns it on: it trusts the drafters' markings.
     */
    @WithDefault("false")
    boolean portionReads();

    /** The background full-text indexer ({@code SearchIndexer}). */
    interface Search {

        /** Off only for benchmarks that measure the store alone. */
        @WithDefault("true")
        boolean enabled();

        /** How long the indexer rests when nothing is queued. */
        @WithDefault("500ms")
        Duration interval();

        /** Cables per indexing transaction. */
        @WithDefault("200")
        int batchSize();

        /**
         * Cables indexed per interval while the store is busy (it wrote a batch within {@link #idleAfter()}):
         * to_tsvector costs the database about 1 ms of CPU per cable, four times the rest of storing it, so during
         * a bulk load the indexer only trickles and catches up when the load pauses. 0 pauses it entirely.
         */
        @WithDefault("50")
        int busyBatchSize();

        /** How long after its last batch the store counts as idle, and the indexer drains its queue. */
        @WithDefault("2s")
        Duration idleAfter();
    }

    /** {@code GET /api/cables} page sizes. */
    interface Page {

        @WithDefault("50")
        int defaultLimit();

        @WithDefault("500")
        int maxLimit();
    }

    /** Writing a batch again while the database is away: backoff from the first to the longest pause, forever. */
    interface Retry {

        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();
    }
}
