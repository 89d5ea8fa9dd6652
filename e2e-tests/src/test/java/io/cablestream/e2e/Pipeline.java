package io.cablestream.e2e;

import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.ServiceProcess;
import io.cablestream.testkit.TestDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The three services as separate JVMs from their built jars, on one in-process broker and one database. */
final class Pipeline implements AutoCloseable {

    final ServiceProcess ingest;
    final ServiceProcess parse;
    final ServiceProcess store;

    private Pipeline(ServiceProcess ingest, ServiceProcess parse, ServiceProcess store) {
        this.ingest = ingest;
        this.parse = parse;
        this.store = store;
    }

    static Pipeline start() throws IOException {
        Path root = Path.of(System.getProperty("cables.repo.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("e2e-tests/target/service-logs");
        TestDatabase database = TestDatabase.shared();
        Map<String, String> kafka = Map.of("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.shared().bootstrapServers());
        Map<String, String> storeEnv = new java.util.HashMap<>(kafka);
        storeEnv.putAll(Map.of("CABLES_DB_URL", database.jdbcUrl(), "CABLES_DB_USER", database.username(),
                "CABLES_DB_PASSWORD", database.password()));
        ServiceProcess store = ServiceProcess.start(root, "store-service", "256m", storeEnv, logs);
        ServiceProcess parse = ServiceProcess.start(root, "parse-service", "256m", kafka, logs);
        ServiceProcess ingest = ServiceProcess.start(root, "ingest-service", "256m", kafka, logs);
        Duration startup = Duration.ofSeconds(90);
        store.awaitReady(startup);
        parse.awaitReady(startup);
        ingest.awaitReady(startup);
        return new Pipeline(ingest, parse, store);
    }

    @Override
    public void close() {
        ingest.close();
        parse.close();
        store.close();
    }
}
