package io.cablestream.store.support;

import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;
import io.cablestream.store.persistence.write.CableWriter;
import io.cablestream.store.persistence.write.SearchIndexer;
import io.cablestream.store.service.CableEvent;
import io.cablestream.testkit.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Not a test: the store's throughput, printed. Run with {@code ./mvnw -B -o -pl store-service verify -Pbench}
 * ({@code -Dbench.cables=100000 -Dbench.batch=2000} to change the load). Feeds N ParsedCable events (the corpus
 * cables parsed once, repeated with distinct ids, each event read from its JSON as the consumer does) to
 * {@link CableWriter} in batches of one transaction each, on a fresh database on the test PostgreSQL
 * ({@code CABLES_TEST_DB_URL}, or the embedded one); then builds their full-text documents as SearchIndexer does.
 */
public class StoreThroughputBench {

    private static final int CABLES = Integer.getInteger("bench.cables", 50_000);
    private static final int BATCH = Integer.getInteger("bench.batch", 1_000);
    /** Connections writing at once, as store-service instances (or consumer threads) on separate partitions do. */
    private static final int WRITERS = Integer.getInteger("bench.writers", 1);

    private static final LongAdder parseNanos = new LongAdder();
    private static final LongAdder writeNanos = new LongAdder();

    @Test
    void storeThroughput() throws Exception {
        String url = freshDatabase();
        Flyway.configure().dataSource(url, TestDatabase.shared().username(), TestDatabase.shared().password())
                .locations("classpath:db/migration")
                // the bench writes as the schema's owner, as a service whose login owns the schema does
                .placeholders(java.util.Map.of("storeLogin", TestDatabase.shared().username())).load().migrate();
        List<String> corpus = CorpusCables.events().stream().map(CableJson::toJson).toList();
        String jdbcUrl = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        try (Connection connection = DriverManager.getConnection(jdbcUrl, TestDatabase.shared().username(),
                TestDatabase.shared().password())) {
            connection.setAutoCommit(false);
            int warmUp = Math.min(5 * BATCH, CABLES / 10);
            write(connection, corpus, 0, warmUp);
            parseNanos.reset();
            writeNanos.reset();
            long started = System.nanoTime();
            writeInParallel(jdbcUrl, corpus, warmUp, CABLES);
            double seconds = (System.nanoTime() - started) / 1e9;
            int measured = CABLES - warmUp;
            System.out.printf("%nBENCH store: %,d cables in %.1f s = %,.0f cables/s (batches of %d, one transaction"
                    + " each, JSON parsing included, %d writer(s))%n", measured, seconds, measured / seconds, BATCH,
                    WRITERS);
            System.out.printf("BENCH of which reading the JSON %.1f s, writing and committing %.1f s (summed over"
                    + " writers); machine load average %.1f on %d cores%n", parseNanos.sum() / 1e9,
                    writeNanos.sum() / 1e9,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());

            connection.setAutoCommit(true);
            started = System.nanoTime();
            int indexed = indexAll(connection);
            seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("BENCH search indexing (background, after the store): %,d cables in %.1f s"
                    + " = %,.0f cables/s%n%n", indexed, seconds, indexed / seconds);
        }
    }

    /** Events {@code from} to {@code to}, split into WRITERS ranges, each written on a connection of its own. */
    private static void writeInParallel(String jdbcUrl, List<String> corpus, int from, int to) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            int share = (to - from + WRITERS - 1) / WRITERS;
            List<Future<?>> writers = new ArrayList<>();
            for (int start = from; start < to; start += share) {
                int first = start;
                int last = Math.min(start + share, to);
                writers.add(pool.submit(() -> {
                    try (Connection connection = DriverManager.getConnection(jdbcUrl,
                            TestDatabase.shared().username(), TestDatabase.shared().password())) {
                        connection.setAutoCommit(false);
                        write(connection, corpus, first, last);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Events {@code from} to {@code to}: the corpus cables again and again, each copy with ids of its own. */
    private static void write(Connection connection, List<String> corpus, int from, int to) throws SQLException {
        for (int start = from; start < to; start += BATCH) {
            long started = System.nanoTime();
            List<CableEvent> batch = new ArrayList<>(BATCH);
            for (int i = start; i < Math.min(start + BATCH, to); i++) {
                batch.add(new CableEvent(distinct(CableJson.fromJson(corpus.get(i % corpus.size())), i / corpus.size()),
                        null));
            }
            long parsed = System.nanoTime();
            CableWriter.write(connection, batch);
            connection.commit();
            parseNanos.add(parsed - started);
            writeNanos.add(System.nanoTime() - parsed);
        }
    }

    private static int indexAll(Connection connection) throws SQLException {
        int total = 0;
        try (PreparedStatement index = connection.prepareStatement(SearchIndexer.INDEX_QUEUED)) {
            index.setInt(1, 500);
            for (int indexed = index.executeUpdate(); indexed > 0; indexed = index.executeUpdate()) {
                total += indexed;
            }
        }
        return total;
    }

    /** 09PARIS1040 becomes 09PARIS1040000017 in the 17th copy of the corpus. */
    private static ParsedCable distinct(ParsedCable cable, int copy) {
        return cable.toBuilder().cableId(cable.cableId() + String.format("%06d", copy)).build();
    }

    private static String freshDatabase() throws SQLException {
        TestDatabase server = TestDatabase.shared();
        String name = "store_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return server.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }
}
