package io.cablestream.store.persistence.write;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Warns at start when the database may lose commits it has already confirmed. The store commits a batch's offsets
 * on cables.parsed once PostgreSQL says its transaction committed; under {@code synchronous_commit = off} a database
 * crash loses the last ~0.6 s of such commits (three times {@code wal_writer_delay}), and those cables are never
 * read again. PostgreSQL's default is {@code on}; some embedded and tuned set-ups turn it off.
 */
@ApplicationScoped
public class CommitDurability {

    private static final Logger LOG = Logger.getLogger(CommitDurability.class);

    private final AgroalDataSource dataSource;

    public CommitDurability(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void check(@Observes StartupEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            risk(connection).ifPresent(LOG::warn);
        } catch (SQLException e) {
            // the database is away: the consumer waits for it anyway, and the setting is checked at the next start
            LOG.debugf("could not read synchronous_commit: %s", e.getMessage());
        }
    }

    /** Why this connection's commits may be lost in a database crash, or empty when they are durable. */
    public static Optional<String> risk(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW synchronous_commit")) {
            row.next();
            String value = row.getString(1);
            return value.equals("off") ? Optional.of("PostgreSQL runs with synchronous_commit=off: a database crash "
                    + "loses the cables of the last ~0.6 s of commits, whose offsets on cables.parsed are already "
                    + "committed. Set synchronous_commit=on (PostgreSQL's default) for the store's database")
                    : Optional.empty();
        }
    }
}
