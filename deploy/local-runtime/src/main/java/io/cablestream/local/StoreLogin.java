package io.cablestream.local;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * store-service's own database login (docs/deploy.md, "Database roles"): owner of nothing, BYPASSRLS so it may
 * write every row (COPY refuses a table whose row-level security binds the writer); the migrations, run as the
 * owner, grant it the writer's privileges. What the role may be is set every time, whatever an earlier start left.
 * The local PostgreSQL and the tests make it here; compose and dev-infra with deploy/postgres-store-login.sh.
 */
public final class StoreLogin {

    private StoreLogin() {
    }

    /** Creates or corrects {@code login} with {@code password}, over a superuser's connection. */
    public static void ensure(Connection superuser, String login, String password) throws SQLException {
        String role = "\"" + login.replace("\"", "\"\"") + "\"";
        try (Statement statement = superuser.createStatement()) {
            statement.execute("DO $$ BEGIN CREATE ROLE " + role + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            statement.execute("ALTER ROLE " + role + " LOGIN BYPASSRLS NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
                    + " PASSWORD '" + password.replace("'", "''") + "'");
        }
    }
}
