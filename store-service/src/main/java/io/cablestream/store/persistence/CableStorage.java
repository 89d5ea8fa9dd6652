package io.cablestream.store.persistence;

import io.agroal.api.AgroalDataSource;
import io.cablestream.events.ParsedCable;
import io.cablestream.store.metrics.StoreMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Stores a batch of parsed cables in one transaction ({@link CableWriter} has the rules and the SQL). */
@ApplicationScoped
public class CableStorage {

    private final AgroalDataSource dataSource;
    private final StoreMetrics metrics;

    public CableStorage(AgroalDataSource dataSource, StoreMetrics metrics) {
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    @Transactional
    public StoreResult store(List<ParsedCable> cables) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            StoreResult result = CableWriter.write(connection, cables);
            metrics.batchWritten(cables.size(), result, System.nanoTime() - started);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store " + cables.size() + " cables: " + e.getMessage(), e);
        }
    }
}
