package io.cablestream.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

import java.util.Map;

/**
 * A real Apache Kafka broker (KRaft, one combined node) for tests: started in this JVM with Kafka's own test kit,
 * or, where a Docker engine is, as Testcontainers' apache/kafka container ({@link TestInfra}); either way with the
 * settings of deploy/kafka-broker.properties and the pipeline's topics. Its version is the kafka-clients version
 * Quarkus manages: another one breaks the Quarkus Kafka client.
 */
public final class KafkaBroker {

    /** Where the broker runs: in this JVM or in a container. */
    interface Node {
        String bootstrapServers();

        /** Clients cannot reach the broker until {@link #restart()}. */
        void stop();

        void restart();

        void close();
    }

    private static KafkaBroker shared;

    private final Node node;

    private KafkaBroker(Node node) {
        this.node = node;
    }

    /** The broker of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            shared = dedicated();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kafka-test-broker-stop"));
        }
        return shared;
    }

    /** A broker of the caller's own, for a test that stops and restarts it; {@link #close()} it when done. */
    public static KafkaBroker dedicated() {
        return start(TestInfra.selected());
    }

    /** A broker where {@code mode} says, whatever {@link TestInfra#selected()} is. */
    static KafkaBroker start(TestInfra.Mode mode) {
        KafkaBroker broker = new KafkaBroker(mode == TestInfra.Mode.CONTAINERS ? ContainerInfra.startKafka()
                : InProcess.start());
        broker.createPipelineTopics();
        return broker;
    }

    /** Stops the broker side of the node, as a crash would take it away; clients then cannot reach it. */
    public void stopBroker() {
        node.stop();
    }

    /** Starts the stopped broker again, on the same port, and waits until it serves. */
    public void restartBroker() {
        node.restart();
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

    public String bootstrapServers() {
        return node.bootstrapServers();
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
            node.close();
        } catch (Exception e) {
            // the JVM is exiting; the broker's files are in a temporary folder
        }
    }

    /** The broker in this JVM, with Kafka's test kit. */
    private record InProcess(KafkaClusterTestKit cluster) implements Node {

        static InProcess start() {
            keepTheJvmAlive();
            try {
                TestKitNodes nodes = new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
                        .build();
                KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
                BrokerSettings.forTests().forEach(builder::setConfigProp);
                KafkaClusterTestKit cluster = builder.build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                return new InProcess(cluster);
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

        @Override
        public String bootstrapServers() {
            return cluster.bootstrapServers();
        }

        @Override
        public void stop() {
            cluster.brokers().values().forEach(broker -> broker.shutdown());
            cluster.brokers().values().forEach(broker -> broker.awaitShutdown());
        }

        @Override
        public void restart() {
            try {
                cluster.brokers().values().forEach(broker -> broker.startup());
                cluster.waitForReadyBrokers();
            } catch (Exception e) {
                throw new IllegalStateException("could not restart the in-process Kafka broker", e);
            }
        }

        @Override
        public void close() {
            try {
                cluster.close();
            } catch (Exception e) {
                // the JVM is exiting; the broker's files are in a temporary folder
            }
        }
    }
}
