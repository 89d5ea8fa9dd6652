package io.cablestream.store.persistence.write;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The body's first 250,000 characters are indexed: a tsvector holds at most 1 MB of lexemes, which so many
     * characters cannot reach even in 3-byte UTF-8 (the longest corpus cable has 28,870). A subject or summary
     * longer than that can still exceed it: such a cable is recorded in cable_search_failure (see below).
     */
    static final int MAX_BODY_CHARS = 250_000;
    // subject and summary weigh more than the body, the raw text (the parser does not split paragraphs out yet)
    private static final String DOCUMENT = """
            setweight(to_tsvector('english', coalesce(c.subject, '')), 'A')
                || setweight(to_tsvector('english', coalesce(c.summary, '')), 'B')
                || setweight(to_tsvector('english', left(coalesce(c.raw_text, ''), %d)), 'C')"""
            .formatted(MAX_BODY_CHARS);

    public static final String INDEX_QUEUED = """
            WITH batch AS (
                DELETE FROM cable_search_pending WHERE cable_id IN (
                    SELECT cable_id FROM cable_search_pending LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING cable_id)
            INSERT INTO cable_search (cable_id, document)
            SELECT c.cable_id, %s
            FROM cable c JOIN batch USING (cable_id)
            ON CONFLICT (cable_id) DO UPDATE SET document = EXCLUDED.document
            """.formatted(DOCUMENT);
    private static final String LOCK_QUEUED =
            "SELECT cable_id FROM cable_search_pending LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String INDEX_ONE = """
            WITH one AS (DELETE FROM cable_search_pending WHERE cable_id = ? RETURNING cable_id)
            INSERT INTO cable_search (cable_id, document)
            SELECT c.cable_id, %s
            FROM cable c JOIN one USING (cable_id)
            ON CONFLICT (cable_id) DO UPDATE SET document = EXCLUDED.document
            """.formatted(DOCUMENT);
    private static final String RECORD_FAILURE = """
            INSERT INTO cable_search_failure (cable_id, reason, failed_at) VALUES (?, ?, now())
            ON CONFLICT (cable_id) DO UPDATE SET reason = EXCLUDED.reason, failed_at = EXCLUDED.failed_at""";
    private static final String UNQUEUE = "DELETE FROM cable_search_pending WHERE cable_id = ?";

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
        } catch (SQLException e) {
            if (!CableStorage.blamesTheData(e)) {
                throw e;
            }
            // one cable the server cannot index must not stop search for every later one
            LOG.warnf("a search batch was refused (%s); indexing it cable by cable", e.getMessage());
            return indexOneByOne(batchSize);
        }
    }

    /**
     * The queued cables one at a time, each in a savepoint of one transaction that holds their queue rows: a cable
     * the server refuses leaves the queue for cable_search_failure, with the server's reason.
     */
    private int indexOneByOne(int batchSize) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<String> ids = new ArrayList<>();
                try (PreparedStatement lock = connection.prepareStatement(LOCK_QUEUED)) {
                    lock.setInt(1, batchSize);
                    try (ResultSet rows = lock.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getString(1));
                        }
                    }
                }
                for (String id : ids) {
                    indexOrRecordFailure(connection, id);
                }
                connection.commit();
                return ids.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void indexOrRecordFailure(Connection connection, String id) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try (PreparedStatement index = connection.prepareStatement(INDEX_ONE)) {
            index.setString(1, id);
            index.executeUpdate();
        } catch (SQLException e) {
            if (!CableStorage.blamesTheData(e)) {
                throw e;
            }
            connection.rollback(before);
            LOG.warnf("cable %s cannot be indexed for search: %s", id, e.getMessage());
            try (PreparedStatement record = connection.prepareStatement(RECORD_FAILURE);
                 PreparedStatement unqueue = connection.prepareStatement(UNQUEUE)) {
                record.setString(1, id);
                record.setString(2, e.getMessage());
                record.executeUpdate();
                unqueue.setString(1, id);
                unqueue.executeUpdate();
            }
        }
    }
}
