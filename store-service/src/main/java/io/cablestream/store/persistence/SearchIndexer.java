package io.cablestream.store.persistence;

import io.agroal.api.AgroalDataSource;
import io.cablestream.store.config.StoreConfig;
import io.cablestream.store.metrics.StoreMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Builds the full-text documents of the cables {@link CableWriter} queued, off the insert path, on one background
 * thread. Several instances may run: each takes queued ids with SKIP LOCKED, so none indexes a cable twice at once.
 */
@ApplicationScoped
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);

    // subject and summary weigh more than the body, the raw text (the parser does not split paragraphs out yet)
    public static final String INDEX_QUEUED = """
            WITH batch AS (
                DELETE FROM cable_search_pending WHERE cable_id IN (
                    SELECT cable_id FROM cable_search_pending LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING cable_id)
            INSERT INTO cable_search (cable_id, document)
            SELECT c.cable_id, setweight(to_tsvector('english', coalesce(c.subject, '')), 'A')
                            || setweight(to_tsvector('english', coalesce(c.summary, '')), 'B')
                            || setweight(to_tsvector('english', coalesce(c.raw_text, '')), 'C')
            FROM cable c JOIN batch USING (cable_id)
            ON CONFLICT (cable_id) DO UPDATE SET document = EXCLUDED.document
            """;

    private final AgroalDataSource dataSource;
    private final StoreConfig.Search config;
    private final StoreMetrics metrics;
    private final StoreActivity activity;
    private ScheduledExecutorService executor;

    public SearchIndexer(AgroalDataSource dataSource, StoreConfig config, StoreMetrics metrics,
                         StoreActivity activity) {
        this.dataSource = dataSource;
        this.config = config.search();
        this.metrics = metrics;
        this.activity = activity;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "search-indexer");
            thread.setDaemon(true); // never holds a stopping JVM
            return thread;
        });
        executor.scheduleWithFixedDelay(this::drainQueue, 0, config.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /**
     * While the store is busy, indexes one small batch and rests; once it is idle, indexes batches until the queue
     * is empty. A failure is logged and retried at the next run.
     */
    void drainQueue() {
        try {
            int indexed;
            int batchSize;
            boolean busy;
            do {
                busy = activity.wroteWithin(config.idleAfter());
                batchSize = busy ? config.busyBatchSize() : config.batchSize();
                indexed = batchSize == 0 ? 0 : indexBatch(batchSize);
                metrics.searchIndexed(indexed);
            } while (!busy && indexed == batchSize && !Thread.currentThread().isInterrupted());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("search indexing failed, retrying in %s: %s", config.interval(), e.getMessage());
        }
    }

    private int indexBatch(int batchSize) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement index = connection.prepareStatement(INDEX_QUEUED)) {
            index.setInt(1, batchSize);
            return index.executeUpdate();
        }
    }
}
