package io.cablestream.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local run's PostgreSQL: zonky's real PostgreSQL binaries as a long-running process whose data directory
 * survives restarts, stopped cleanly by SIGTERM.
 *
 * <p>Usage: {@code LocalPostgres <data-dir> [port] [database] [store-login-password-file]}; defaults 5433 and
 * {@code cables}; with the password file, store-service's own login {@value #STORE_LOGIN} is there too.
 */
public final class LocalPostgres {

    /** deploy/postgres.sh waits for a line starting with this. */
    public static final String READY = "LocalPostgres ready";
    /** store-service's login; the migrations run as postgres, the schema's owner. */
    public static final String STORE_LOGIN = "cables_store";

    private LocalPostgres() {
    }

    /**
     * The settings every PostgreSQL this project starts has, here and in the tests (embedded or a container).
     * The embedded library's default is synchronous_commit=off, under which a commit the store was told had
     * happened (and so committed the cables' offsets after) is lost when PostgreSQL crashes within ~0.6 s (the
     * fault matrix lost up to 241 acknowledged cables that way). On is PostgreSQL's own default.
     */
    public static Map<String, String> serverConfig() {
        return Map.of("synchronous_commit", "on");
    }

    /** zonky's embedded PostgreSQL with {@link #serverConfig()}: the one way this project starts it. */
    public static EmbeddedPostgres.Builder embedded() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // the first start unpacks the binaries, which is slow on a loaded 2-core machine
                .setPGStartupWait(Duration.ofSeconds(60));
        serverConfig().forEach(builder::setServerConfig);
        return builder;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 4) {
            System.err.println("usage: LocalPostgres <data-dir> [port] [database] [store-login-password-file]");
            System.exit(2);
        }
        Path dataDirectory = Path.of(args[0]).toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5433;
        String database = args.length > 2 ? args[2] : "cables";
        Files.createDirectories(dataDirectory);

        EmbeddedPostgres postgres = embedded()
                .setDataDirectory(dataDirectory)
                // keep the data between runs; initdb runs only when the directory holds no cluster yet
                .setCleanDataDirectory(false)
                .setPort(port)
                // our own hook below stops the server, then lets main return
                .setRegisterShutdownHook(false)
                .start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres, stopped), "local-postgres-stop"));

        createDatabaseIfMissing(postgres, database);
        if (args.length > 3) {
            try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
                StoreLogin.ensure(admin, STORE_LOGIN, Files.readString(Path.of(args[3])).strip());
            }
        }
        System.out.printf("%s: jdbc:postgresql://127.0.0.1:%d/%s (user postgres, data %s)%n",
                READY, port, database, dataDirectory);
        System.out.flush();
        stopped.await();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (Statement create = admin.createStatement()) {
                create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
                // the server trusts local connections; the password is set so clients configured with one agree
                create.execute("ALTER USER postgres PASSWORD 'postgres'");
            }
            System.out.println("LocalPostgres created database " + database);
        }
    }

    private static void stop(EmbeddedPostgres postgres, CountDownLatch stopped) {
        try {
            postgres.close();
            System.out.println("LocalPostgres stopped");
        } catch (IOException e) {
            System.err.println("LocalPostgres could not stop the server cleanly: " + e);
        } finally {
            stopped.countDown();
        }
    }
}
