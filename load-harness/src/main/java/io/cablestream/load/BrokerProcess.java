package io.cablestream.load;

import io.cablestream.testkit.PipelineTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fresh single-node KRaft broker as its own JVM, from deploy/local-runtime's class path and with the settings
 * of deploy/kafka-broker.properties (as deploy/kafka.sh), on free ports and an empty data directory, so its CPU
 * and memory are its own.
 */
final class BrokerProcess implements AutoCloseable {

    private final String bootstrapServers;
    /** The broker's command line and log, to start it again on the same storage and ports. */
    private final List<String> command;
    private final Path log;
    private volatile ChildProcess process;

    private BrokerProcess(ChildProcess process, String bootstrapServers, List<String> command, Path log) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.command = command;
        this.log = log;
    }

    static BrokerProcess start(Path repoRoot, Path workDir, String maxHeap) throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        Path dir = Files.createDirectories(workDir.resolve("kafka"));
        Path properties = dir.resolve("server.properties");
        // where this broker listens and keeps its data, then the settings every broker of the project has
        Files.writeString(properties, """
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                log.dirs=%3$s
                """.formatted(port, controllerPort, dir.resolve("data"))
                + Files.readString(repoRoot.resolve("deploy/kafka-broker.properties")));
        String classPath = repoRoot.resolve("deploy/local-runtime/target/lib") + "/*";
        if (!Files.isDirectory(repoRoot.resolve("deploy/local-runtime/target/lib"))) {
            throw new IllegalStateException("deploy/local-runtime/target/lib is missing: ./mvnw -pl deploy/local-runtime -am install -DskipTests");
        }
        String tools = "-Dlog4j2.configurationFile=" + repoRoot.resolve("deploy/log4j2-tools.properties");
        ChildProcess format = ChildProcess.start("kafka-storage-format", List.of(ChildProcess.java(), "-Xmx256m", tools,
                "-cp", classPath, "kafka.tools.StorageTool", "format", "--standalone",
                "-t", Uuid.randomUuid().toString(), "-c", properties.toString()), dir.resolve("format.log"));
        if (format.awaitExit(120) != 0) {
            throw new IllegalStateException("formatting the broker's storage failed:\n" + format.logTail());
        }
        // 16 MB G1 regions as in deploy/kafka.sh: produce requests are no humongous objects
        List<String> command = List.of(ChildProcess.java(), "-Xmx" + maxHeap, "-XX:G1HeapRegionSize=16m",
                "-Dlog4j2.configurationFile=" + repoRoot.resolve("deploy/log4j2.properties"),
                "-cp", classPath, "kafka.Kafka", properties.toString());
        ChildProcess broker = ChildProcess.start("kafka", command, dir.resolve("kafka.log"));
        BrokerProcess started = new BrokerProcess(broker, "127.0.0.1:" + port, command, dir.resolve("kafka.log"));
        started.awaitReady(Duration.ofSeconds(120));
        return started;
    }

    /**
     * A crash and a restart, for the fault matrix: SIGKILL (no controlled shutdown: the broker recovers its logs on
     * start), {@code down} of nothing, then the same broker on the same storage and ports.
     */
    void crashAndRestart(Duration down) throws Exception {
        process.kill();
        Thread.sleep(down.toMillis());
        process = ChildProcess.start("kafka", command, log);
        awaitReady(Duration.ofSeconds(120));
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    long pid() {
        return process.pid();
    }

    ChildProcess process() {
        return process;
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin()) {
            PipelineTopics.create(admin, partitionsByTopic);
        }
    }

    /** The pipeline's topics with the settings of deploy/topics.env (retention, message size), as every start makes them. */
    void createPipelineTopics() {
        try (Admin admin = admin()) {
            PipelineTopics.create(admin);
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = admin()) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the broker exited:\n" + process.logTail());
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    Thread.sleep(500);
                }
            }
        }
        throw new IllegalStateException("the broker was not ready within " + timeout + ":\n" + process.logTail());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
