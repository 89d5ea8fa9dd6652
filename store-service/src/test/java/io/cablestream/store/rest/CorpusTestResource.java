package io.cablestream.store.rest;

import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A database and a parsed-cables topic of their own for the corpus tests, on the shared test PostgreSQL and
 * broker: the counts and pages they check must not see the rows and events of other test classes.
 */
public class CorpusTestResource implements QuarkusTestResourceLifecycleManager {

    static final String TOPIC = "cables.parsed.corpus-test";

    private static String jdbcUrl;

    @Override
    public Map<String, String> start() {
        TestDatabase server = TestDatabase.shared();
        String name = "store_corpus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the corpus test database", e);
        }
        jdbcUrl = server.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        KafkaBroker.shared().createTopics(Map.of(TOPIC, 3));
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", server.username(),
                "quarkus.datasource.password", server.password(),
                "kafka.bootstrap.servers", KafkaBroker.shared().bootstrapServers(),
                "mp.messaging.incoming.cables-parsed.topic", TOPIC,
                "mp.messaging.incoming.cables-parsed.group.id", "store-corpus-test");
    }

    @Override
    public void stop() {
        // the database goes with the test server or the embedded PostgreSQL at JVM exit
    }

    static Connection connect() throws SQLException {
        TestDatabase server = TestDatabase.shared();
        return DriverManager.getConnection(jdbcUrl, server.username(), server.password());
    }
}
