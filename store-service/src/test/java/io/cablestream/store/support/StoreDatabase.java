package io.cablestream.store.support;

import io.cablestream.testkit.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Asks the test database directly, with bound parameters, as the fault matrix does. */
public final class StoreDatabase {

    private StoreDatabase() {
    }

    public static List<String> strings(String sql, Object... parameters) {
        List<String> values = new ArrayList<>();
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    /** Runs a statement that changes rows, e.g. a row as an older store wrote it. */
    public static void execute(String sql, Object... parameters) {
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... parameters) {
        return Long.parseLong(strings(sql, parameters).get(0));
    }

    /** The cable's write counter, or 0 when it is not stored. */
    public static int writes(String cableId) {
        List<String> writes = strings("SELECT writes FROM cable WHERE cable_id = ?", cableId);
        return writes.isEmpty() ? 0 : Integer.parseInt(writes.get(0));
    }
}
