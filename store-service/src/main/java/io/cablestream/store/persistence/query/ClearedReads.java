package io.cablestream.store.persistence.query;

import io.agroal.api.AgroalDataSource;
import io.cablestream.auth.Clearance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one way the query API reads the database. {@link #call} runs the reads in a read-only transaction as the role
 * {@code cables_reader}, with the reader's clearance set for the transaction, so PostgreSQL's row-level security
 * (V8) hides every row above it from each statement, whatever its WHERE clause says; the queries also filter with
 * {@link #visible} themselves. All connections of the transaction are the same one (the datasource enlists it),
 * Hibernate's included.
 */
@ApplicationScoped
public class ClearedReads {

    /** The read-only database role of the query API (V8). */
    static final String READER_ROLE = "cables_reader";
    private static final Object CLEARANCE = ClearedReads.class;

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    public ClearedReads(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** {@code reads} with {@code clearance}, as {@link #READER_ROLE}, in a transaction of their own. */
    public <T> T call(Clearance clearance, Supplier<T> reads) {
        return QuarkusTransaction.requiringNew().call(() -> {
            enter(clearance);
            return reads.get();
        });
    }

    /** A connection of the current cleared transaction; a read outside {@link #call} is a bug and fails. */
    Connection connection() throws SQLException {
        clearance();
        return dataSource.getConnection();
    }

    /** The clearance of the current transaction. */
    Clearance clearance() {
        Object clearance = transactions.getTransactionStatus() == Status.STATUS_ACTIVE
                ? transactions.getResource(CLEARANCE) : null;
        if (clearance == null) {
            throw new IllegalStateException("a read of the query API outside ClearedReads.call");
        }
        return (Clearance) clearance;
    }

    /** The query's own filter on the cable aliased {@code alias}: two parameters, bound by {@link #bind}. */
    static String visible(String alias) {
        return "cable_visible(" + alias + ".clearance_level, " + alias + ".controls, ?, cast(? AS text[]))";
    }

    /** The filter on a record whose classification is unknown (a dead letter): as {@link #visible}. */
    static String visibleUnclassified() {
        return "cable_visible(NULL, '{}', ?, cast(? AS text[]))";
    }

    /** Binds the clearance to the two parameters of {@link #visible} from {@code index}; returns the next index. */
    int bind(PreparedStatement statement, int index) throws SQLException {
        List<Object> values = parameters();
        statement.setInt(index, (Integer) values.get(0));
        statement.setString(index + 1, (String) values.get(1));
        return index + 2;
    }

    /** The values of the two parameters of {@link #visible}, for a query that binds its own (Hibernate's). */
    List<Object> parameters() {
        Clearance clearance = clearance();
        return List.of(clearance.level().rank(), controlsLiteral(clearance));
    }

    private void enter(Clearance clearance) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION READ ONLY");
                statement.execute("SET LOCAL ROLE " + READER_ROLE);
            }
            try (PreparedStatement settings = connection.prepareStatement(
                    "SELECT set_config('cables.reader_level', ?, true), set_config('cables.reader_controls', ?, true)")) {
                settings.setString(1, Integer.toString(clearance.level().rank()));
                settings.setString(2, controlsLiteral(clearance));
                settings.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a cleared read: " + e.getMessage(), e);
        }
        transactions.putResource(CLEARANCE, clearance);
    }

    /** {@code {NODIS,NOFORN}}: the controls are fixed words (Clearance.CONTROLS), nothing to quote. */
    private static String controlsLiteral(Clearance clearance) {
        return "{" + String.join(",", clearance.sortedControls()) + "}";
    }
}
