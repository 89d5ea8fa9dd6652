package io.cablestream.store.persistence.write;

import io.agroal.api.AgroalDataSource;
import io.cablestream.store.metrics.StoreMetrics;
import io.cablestream.store.service.CableEvent;
import io.cablestream.store.service.DatabaseUnavailableException;
import io.cablestream.store.service.StoreResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Stores a batch of parsed cables in one transaction ({@link CableWriter} has the rules and the SQL). When the
 * database refuses the batch because of a value in it, the cables are written one by one so that the one it
 * cannot hold is refused alone; any other failure means the database is away and the whole batch is to be retried.
 */
@ApplicationScoped
public class CableStorage {

    private static final Logger LOG = Logger.getLogger(CableStorage.class);
    /** SQLSTATE classes that blame the data: data exception, integrity constraint, program limit exceeded. */
    private static final Set<String> DATA_ERROR_CLASSES = Set.of("22", "23", "54");

    private final AgroalDataSource dataSource;
    private final StoreMetrics metrics;
    private final StoreActivity activity;

    public CableStorage(AgroalDataSource dataSource, StoreMetrics metrics, StoreActivity activity) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.activity = activity;
    }

    /** @throws DatabaseUnavailableException when nothing of the batch could be written and it must be retried */
    public StoreResult store(List<CableEvent> events) {
        long started = System.nanoTime();
        StoreResult result;
        try {
            result = writeInOneTransaction(events);
        } catch (SQLException e) {
            if (!blamesTheData(e)) {
                throw new DatabaseUnavailableException("could not store " + events.size() + " cables: "
                        + rootCause(e).getMessage(), e);
            }
            LOG.warnf("the database refused a batch of %d cables (%s); writing them one by one", events.size(),
                    rootCause(e).getMessage());
            result = writeOneByOne(events);
        }
        metrics.batchWritten(events.size(), result, System.nanoTime() - started);
        activity.batchWritten();
        return result;
    }

    private StoreResult writeOneByOne(List<CableEvent> events) {
        StoreResult result = new StoreResult(0, 0, 0);
        for (CableEvent event : events) {
            try {
                result = result.plus(writeInOneTransaction(List.of(event)));
            } catch (SQLException e) {
                if (!blamesTheData(e)) {
                    throw new DatabaseUnavailableException("could not store " + event.cableId() + ": "
                            + rootCause(e).getMessage(), e);
                }
                SQLException cause = rootCause(e);
                result = result.plus(new StoreResult(0, 0, 0, List.of(
                        new StoreResult.Refusal(event, cause.getMessage(), cause.getClass().getName()))));
            }
        }
        return result;
    }

    private StoreResult writeInOneTransaction(List<CableEvent> events) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                StoreResult result = CableWriter.write(connection, events);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debugf("rollback failed (the connection is likely gone): %s", e.getMessage());
        }
    }

    /** A batch's exception names the whole statement with its values; the next one has the server's words. */
    private static SQLException rootCause(SQLException e) {
        return e.getNextException() == null ? e : e.getNextException();
    }

    static boolean blamesTheData(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.length() >= 2 && DATA_ERROR_CLASSES.contains(state.substring(0, 2));
    }
}
