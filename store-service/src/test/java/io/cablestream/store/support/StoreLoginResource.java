package io.cablestream.store.support;

import io.cablestream.local.StoreLogin;
import io.cablestream.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.util.Map;
import java.util.UUID;

/**
 * The test database as a deployment sets it up: the migrations run as the owner (the test database's own user,
 * CABLES_DB_MIGRATION_USER), the service as a login of its own (CABLES_DB_USER) whose only attribute is BYPASSRLS
 * (docs/deploy.md), so everything else it may do comes from the migrations' grants.
 */
public class StoreLoginResource implements QuarkusTestResourceLifecycleManager {

    public static final String LOGIN = "cables_store_least";
    /** A fresh password per run: the test database is a shared server. */
    public static final String PASSWORD = UUID.randomUUID().toString();

    @Override
    public Map<String, String> start() {
        TestDatabase database = TestDatabase.shared();
        try (Connection owner = database.connect()) {
            StoreLogin.ensure(owner, LOGIN, PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the login " + LOGIN, e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", LOGIN,
                "quarkus.datasource.password", PASSWORD,
                "quarkus.flyway.username", database.username(),
                // Quarkus takes an empty value for none, and Flyway uses its own login only with a password: a
                // server that trusts local connections (CI's) ignores whichever is given
                "quarkus.flyway.password", database.password().isEmpty() ? "ignored-by-trust" : database.password());
    }

    @Override
    public void stop() {
        // the role stays: it owns nothing, and the next run sets a new password
    }
}
