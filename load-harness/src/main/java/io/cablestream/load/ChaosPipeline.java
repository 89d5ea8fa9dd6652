package io.cablestream.load;

import io.cablestream.testkit.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline of one fault run: a fresh broker, PostgreSQL and the three services as separate processes (ingest
 * with a spool folder), and the faults done to them: a service killed with SIGKILL and started again, the broker or
 * PostgreSQL crashed and restarted, ingest stopped for a while.
 */
final class ChaosPipeline implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(240);
    /** How long the broker and PostgreSQL stay down after their crash. */
    static final Duration DOWN = Duration.ofSeconds(3);
    /** How long ingest stays stopped while spool files arrive. */
    static final Duration INGEST_STOPPED = Duration.ofSeconds(10);

    private final Path services;
    private final Path work;
    private final String serviceHeap;
    final BrokerProcess broker;
    final PostgresServer postgres;
    final Path spool;
    /** Read by the feeder's threads while a fault replaces a service. */
    private final Map<String, ServiceProcess> running = new ConcurrentHashMap<>();

    private ChaosPipeline(Path services, Path work, String serviceHeap, BrokerProcess broker, PostgresServer postgres,
                          Path spool) {
        this.services = services;
        this.work = work;
        this.serviceHeap = serviceHeap;
        this.broker = broker;
        this.postgres = postgres;
        this.spool = spool;
    }

    static ChaosPipeline start(Path root, Path work, String serviceHeap, String brokerHeap) throws Exception {
        Path services = RunInfo.snapshotServices(root, work);
        BrokerProcess broker = BrokerProcess.start(root, work, brokerHeap);
        PostgresServer postgres;
        try {
            postgres = PostgresServer.start(root, work);
        } catch (Exception e) {
            broker.close();
            throw e;
        }
        Path spool = work.resolve("spool");
        // ingest makes them too, but only once its watcher starts, a moment after it is ready
        for (String folder : List.of("inbox", "done", "failed")) {
            Files.createDirectories(spool.resolve(folder));
        }
        ChaosPipeline pipeline = new ChaosPipeline(services, work, serviceHeap, broker, postgres, spool);
        try {
            broker.createPipelineTopics();
            // store first (its migration makes the table), ingest last
            for (String name : List.of("store-service", "parse-service", "ingest-service")) {
                pipeline.startService(name);
            }
        } catch (Exception e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    String ingestUrl() {
        ServiceProcess ingest = running.get("ingest-service");
        return ingest == null ? "http://127.0.0.1:1" : ingest.baseUrl();
    }

    /** SIGKILL, then the service started again (on a new port: the feeder follows {@link #ingestUrl}). */
    void killAndRestart(String name) throws Exception {
        running.get(name).kill();
        startService(name);
    }

    /** ingest stopped as an operator stops it (SIGTERM), files still arriving in the spool, then started again. */
    void stopIngestAWhile() throws Exception {
        ServiceProcess ingest = running.remove("ingest-service");
        ingest.close();
        Thread.sleep(INGEST_STOPPED.toMillis());
        startService("ingest-service");
    }

    private synchronized void startService(String name) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("CABLES_DB_URL", postgres.jdbcUrl());
        env.put("CABLES_DB_USER", postgres.user());
        env.put("CABLES_DB_PASSWORD", postgres.password());
        if (name.equals("ingest-service")) {
            env.put("CABLES_INGEST_SPOOL_DIRECTORY", spool.toString());
        }
        ServiceProcess service = ServiceProcess.start(services, name, serviceHeap, env, work.resolve("logs"));
        try {
            service.awaitReady(STARTUP);
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        running.put(name, service);
        LoadHarness.log("%s ready on %s (pid %d)", name, service.baseUrl(), service.pid());
    }

    @Override
    public void close() {
        for (String name : List.of("ingest-service", "parse-service", "store-service")) {
            ServiceProcess service = running.remove(name);
            if (service != null) {
                service.close();
            }
        }
        postgres.close();
        broker.close();
    }
}
