package io.cablestream.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

import java.util.Map;

/**
 * A real Apache Kafka broker (KRaft, one combined node) started in this JVM, once, with Kafka's own test kit.
 * Its version is the kafka-clients version Quarkus manages: another one breaks the Quarkus Kafka client.
 */
public final class KafkaBroker {

    private static KafkaBroker shared;

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** The broker of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kafka-test-broker-stop"));
        }
        return shared;
    }

    /** A broker of the caller's own, for a test that stops and restarts it; {@link #close()} it when done. */
    public static KafkaBroker dedicated() {
        return start();
    }

    /** Stops the broker side of the node, as a crash would take it away; clients then cannot reach it. */
    public void stopBroker() {
        cluster.brokers().values().forEach(broker -> broker.shutdown());
        cluster.brokers().values().forEach(broker -> broker.awaitShutdown());
    }

    /** Starts the stopped broker again, on the same port, and waits until it serves. */
    public void restartBroker() {
        try {
            cluster.brokers().values().forEach(broker -> broker.startup());
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("could not restart the in-process Kafka broker", e);
        }
    }

    /** Runs {@code whileDown} with the broker stopped, and restarts it afterwards whatever happened. */
    public void whileStopped(Runnable whileDown) {
        stopBroker();
        try {
            whileDown.run();
        } finally {
            restartBroker();
        }
    }

    private static KafkaBroker start() {
        keepTheJvmAlive();
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            BrokerSettings.settings().forEach(builder::setConfigProp);
            // fewer partitions of the offsets topic than Kafka's 50: the group coordinator is ready sooner
            KafkaClusterTestKit cluster = builder.setConfigProp("offsets.topic.num.partitions", "4")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            KafkaBroker broker = new KafkaBroker(cluster);
            broker.createPipelineTopics();
            return broker;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-process Kafka broker", e);
        }
    }

    /**
     * Kafka's server code ends the process (Exit.halt/exit) on some faults, e.g. when it is shut down while the
     * JVM exits; in a test JVM that turns a passing run into a crashed fork. Kafka's own tests do the same.
     */
    private static void keepTheJvmAlive() {
        Exit.setExitProcedure((status, message) ->
                System.err.printf("in-process Kafka broker asked to exit (%d): %s%n", status, message));
        Exit.setHaltProcedure((status, message) ->
                System.err.printf("in-process Kafka broker asked to halt (%d): %s%n", status, message));
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The pipeline's topics, as {@link PipelineTopics#create(Admin)} makes them. */
    public void createPipelineTopics() {
        try (Admin admin = admin()) {
            PipelineTopics.create(admin);
        }
    }

    /** The topics that do not exist yet, as {@link PipelineTopics#create(Admin, Map)} makes them. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin()) {
            PipelineTopics.create(admin, partitionsByTopic);
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            // the JVM is exiting; the broker's files are in a temporary folder
        }
    }
}
