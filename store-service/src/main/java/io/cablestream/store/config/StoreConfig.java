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
