package io.cablestream.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The run's PostgreSQL: a fresh database on the server that {@code CABLES_LOAD_DB_URL} names (a server URL such as
 * jdbc:postgresql://127.0.0.1:5432/postgres), or else deploy/local-runtime's embedded PostgreSQL as its own
 * process with an empty data directory, the way deploy/postgres.sh runs it.
 */
final class PostgresServer implements AutoCloseable {

    static final String URL_VARIABLE = "CABLES_LOAD_DB_URL";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final long postmasterPid;
    private final ChildProcess launcher;
    private final Runnable dropDatabase;

    private PostgresServer(String jdbcUrl, String user, String password, long postmasterPid, ChildProcess launcher,
                           Runnable dropDatabase) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.postmasterPid = postmasterPid;
        this.launcher = launcher;
        this.dropDatabase = dropDatabase;
    }

    static PostgresServer start(Path repoRoot, Path workDir) throws Exception {
        String configured = System.getenv(URL_VARIABLE);
        return configured == null || configured.isBlank() ? embedded(repoRoot, workDir) : freshDatabaseOn(configured);
    }

    private static PostgresServer embedded(Path repoRoot, Path workDir) throws Exception {
        int port = BrokerProcess.freePort();
        Path dataDir = workDir.resolve("postgres/data");
        Path runtime = repoRoot.resolve("deploy/local-runtime/target");
        ChildProcess launcher = ChildProcess.start("postgres", List.of(ChildProcess.java(), "-Xmx128m",
                "-Dlog4j2.configurationFile=" + repoRoot.resolve("deploy/log4j2.properties"),
                "-cp", runtime.resolve("lib") + "/*:" + runtime.resolve("classes"),
                "io.cablestream.local.LocalPostgres", dataDir.toString(), Integer.toString(port), "cables"),
                workDir.resolve("postgres/postgres.log"));
        Instant deadline = Instant.now().plusSeconds(120);
        while (!Files.readString(launcher.log()).contains("LocalPostgres ready")) {
            if (!launcher.isAlive() || Instant.now().isAfter(deadline)) {
                launcher.close();
                throw new IllegalStateException("the embedded PostgreSQL did not start:\n" + launcher.logTail());
            }
            Thread.sleep(300);
        }
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/cables", "postgres", "postgres",
                postmaster, launcher, () -> { });
    }

    private static PostgresServer freshDatabaseOn(String serverUrl) throws SQLException {
        String user = envOr("CABLES_LOAD_DB_USER", "postgres");
        String password = envOr("CABLES_LOAD_DB_PASSWORD", "");
        String name = "cables_load_" + System.currentTimeMillis();
        long postmaster;
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            postmaster = postmasterOf(statement);
        }
        String url = serverUrl.replaceFirst("^(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + name);
        Runnable drop = () -> {
            try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("could not drop " + name + ": " + e.getMessage());
            }
        };
        return new PostgresServer(url, user, password, postmaster, null, drop);
    }

    /** The postmaster is the parent of this connection's backend. */
    private static long postmasterOf(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            String[] fields = ProcStats.statFields(row.getLong(1));
            return fields == null ? -1 : ProcStats.parentPid(fields);
        }
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    boolean embedded() {
        return launcher != null;
    }

    long postmasterPid() {
        return postmasterPid;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public void close() {
        dropDatabase.run();
        if (launcher != null) {
            // SIGTERM: LocalPostgres's shutdown hook stops the server
            launcher.close();
            if (ProcStats.cpu(postmasterPid) != null) {
                ProcessHandle.of(postmasterPid).ifPresent(ProcessHandle::destroy);
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
