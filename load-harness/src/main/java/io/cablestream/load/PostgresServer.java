package io.cablestream.load;

import io.cablestream.testkit.TestDatabase;

import java.io.IOException;
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
    private final Runnable dropDatabase;
    /** How the embedded server is started again on its data directory and port; null for a configured server. */
    private final Launch launch;
    private volatile long postmasterPid;
    private volatile ChildProcess launcher;

    private PostgresServer(String jdbcUrl, String user, String password, long postmasterPid, ChildProcess launcher,
                           Runnable dropDatabase, Launch launch) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.postmasterPid = postmasterPid;
        this.launcher = launcher;
        this.dropDatabase = dropDatabase;
        this.launch = launch;
    }

    /** The embedded server's start: deploy/local-runtime's LocalPostgres on a data directory and a port. */
    private record Launch(Path repoRoot, Path workDir, Path dataDir, int port) {

        ChildProcess start() throws Exception {
            Path log = workDir.resolve("postgres/postgres.log");
            // the log is appended to across restarts: this start is ready at one more "ready" line than it held
            long before = readyLines(log);
            Path runtime = repoRoot.resolve("deploy/local-runtime/target");
            ChildProcess launcher = ChildProcess.start("postgres", List.of(ChildProcess.java(), "-Xmx128m",
                    "-Dlog4j2.configurationFile=" + repoRoot.resolve("deploy/log4j2.properties"),
                    "-cp", runtime.resolve("lib") + "/*:" + runtime.resolve("classes"),
                    "io.cablestream.local.LocalPostgres", dataDir.toString(), Integer.toString(port), "cables"), log);
            Instant deadline = Instant.now().plusSeconds(120);
            while (readyLines(log) <= before) {
                if (!launcher.isAlive() || Instant.now().isAfter(deadline)) {
                    launcher.close();
                    throw new IllegalStateException("the embedded PostgreSQL did not start:\n" + launcher.logTail());
                }
                Thread.sleep(300);
            }
            return launcher;
        }

        private static long readyLines(Path log) throws IOException {
            if (!Files.exists(log)) {
                return 0;
            }
            try (var lines = Files.lines(log)) {
                return lines.filter(line -> line.contains("LocalPostgres ready")).count();
            }
        }

        long postmaster() throws IOException {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        }
    }

    static PostgresServer start(Path repoRoot, Path workDir) throws Exception {
        String configured = System.getenv(URL_VARIABLE);
        return configured == null || configured.isBlank() ? embedded(repoRoot, workDir) : freshDatabaseOn(configured);
    }

    private static PostgresServer embedded(Path repoRoot, Path workDir) throws Exception {
        Launch launch = new Launch(repoRoot, workDir, workDir.resolve("postgres/data"), BrokerProcess.freePort());
        ChildProcess launcher = launch.start();
        return new PostgresServer("jdbc:postgresql://127.0.0.1:" + launch.port() + "/cables", "postgres", "postgres",
                launch.postmaster(), launcher, () -> { }, launch);
    }

    /**
     * A crash and a restart of the embedded server, for the fault matrix: SIGKILL to the postmaster, its backends
     * and its launcher (no shutdown, no checkpoint: PostgreSQL recovers from its WAL), {@code down} of nothing,
     * then the server again on the same data directory and port.
     */
    void crashAndRestart(java.time.Duration down) throws Exception {
        if (launch == null) {
            throw new IllegalStateException("only the embedded PostgreSQL can be restarted (unset " + URL_VARIABLE + ")");
        }
        ProcessHandle.of(postmasterPid).ifPresent(postmaster -> {
            List<ProcessHandle> backends = postmaster.children().toList();
            postmaster.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            postmaster.onExit().join();
        });
        launcher.kill();
        Thread.sleep(down.toMillis());
        launcher = launch.start();
        postmasterPid = launch.postmaster();
    }

    /** Can {@link #crashAndRestart} be used: the embedded server, not a configured one. */
    boolean restartable() {
        return launch != null;
    }

    private static PostgresServer freshDatabaseOn(String serverUrl) throws SQLException {
        String user = envOr("CABLES_LOAD_DB_USER", "postgres");
        TestDatabase database = TestDatabase.freshDatabaseOn(serverUrl, user, envOr("CABLES_LOAD_DB_PASSWORD", ""),
                "cables_load");
        long postmaster;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            postmaster = postmasterOf(statement);
        }
        return new PostgresServer(database.jdbcUrl(), user, database.password(), postmaster, null, database::drop,
                null);
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
