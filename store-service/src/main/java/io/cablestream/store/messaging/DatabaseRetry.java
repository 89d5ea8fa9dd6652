package io.cablestream.store.messaging;

import io.cablestream.store.config.StoreConfig;
import io.cablestream.store.metrics.StoreMetrics;
import io.cablestream.store.service.DatabaseUnavailableException;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.util.function.Supplier;

/** A write tried again with backoff, forever, while the database is away: the consumers never skip a batch. */
final class DatabaseRetry {

    private static final Logger LOG = Logger.getLogger(DatabaseRetry.class);

    private DatabaseRetry() {
    }

    static <T> T untilTheDatabaseTakesIt(Supplier<T> write, String what, StoreConfig.Retry retry,
                                         StoreMetrics metrics) {
        return Uni.createFrom().item(write)
                .onFailure(DatabaseUnavailableException.class).invoke(e -> {
                    metrics.batchRetried();
                    LOG.warnf("database unavailable, retrying %s: %s", what, e.getMessage());
                })
                .onFailure(DatabaseUnavailableException.class).retry()
                .withBackOff(retry.initialBackoff(), retry.maxBackoff()).indefinitely()
                .await().indefinitely();
    }
}
