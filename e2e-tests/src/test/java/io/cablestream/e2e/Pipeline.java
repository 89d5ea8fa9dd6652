package io.cablestream.e2e;

import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.ServiceProcess;
import io.cablestream.testkit.TestDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The services as separate JVMs from their built jars, on one in-process broker and one database. */
final class Pipeline implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);

    final ServiceProcess ingest;
    final List<ServiceProcess> parsers;
    final ServiceProcess store;

    private Pipeline(ServiceProcess ingest, List<ServiceProcess> parsers, ServiceProcess store) {
        this.ingest = ingest;
        this.parsers = parsers;
        this.store = store;
    }

    /** ingest-service, one parse-service and store-service. */
    static Pipeline start() throws IOException {
        return start(1);
    }

    /** ingest-service, {@code parseInstances} parse-services in one consumer group, and store-service. */
    static Pipeline start(int parseInstances) throws IOException {
        TestDatabase database = TestDatabase.shared();
        Map<String, String> kafka = Map.of("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.shared().bootstrapServers());
        Map<String, String> storeEnv = new HashMap<>(kafka);
        storeEnv.putAll(Map.of("CABLES_DB_URL", database.jdbcUrl(), "CABLES_DB_USER", database.username(),
                "CABLES_DB_PASSWORD", database.password()));
        ServiceProcess store = start("store-service", storeEnv);
        List<ServiceProcess> parsers = new ArrayList<>();
        for (int i = 0; i < parseInstances; i++) {
            parsers.add(start("parse-service", kafka));
        }
        ServiceProcess ingest = start("ingest-service", kafka);
        Pipeline pipeline = new Pipeline(ingest, parsers, store);
        try {
            store.awaitReady(STARTUP);
            parsers.forEach(parser -> parser.awaitReady(STARTUP));
            ingest.awaitReady(STARTUP);
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    ServiceProcess parse() {
        return parsers.get(0);
    }

    private static ServiceProcess start(String service, Map<String, String> environment) throws IOException {
        Path root = Path.of(System.getProperty("cables.repo.root", "..")).toAbsolutePath().normalize();
        return ServiceProcess.start(root, service, "256m", environment, root.resolve("e2e-tests/target/service-logs"));
    }

    @Override
    public void close() {
        ingest.close();
        parsers.forEach(ServiceProcess::close);
        store.close();
    }
}
