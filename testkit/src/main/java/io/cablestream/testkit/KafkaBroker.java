package io.cablestream.testkit;

import io.cablestream.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * A real Apache Kafka broker (KRaft, one combined node) started in this JVM, once, with Kafka's own test kit.
 * Its version is the kafka-clients version Quarkus manages: another one breaks the Quarkus Kafka client.
 */
public final class KafkaBroker {

    private static final List<String> PIPELINE_TOPICS = List.of(Topics.RAW, Topics.PARSED, Topics.DEAD_LETTER);

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
            // one node: the internal topics cannot have three replicas, and with the default of three
            // consumer groups never get a coordinator and silently receive nothing
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
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

    /** cables.raw, cables.parsed and cables.dead-letter with the partitions and configs of deploy/topics.env. */
    public void createPipelineTopics() {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        for (String topic : PIPELINE_TOPICS) {
            partitions.put(topic, TopicSettings.of(topic).partitions());
        }
        createTopics(partitions);
    }

    /**
     * Creates the topics that do not exist yet, with the given partition counts; a pipeline topic gets the configs
     * of deploy/topics.env (retention, max.message.bytes, min.insync.replicas), as every local start does.
     */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = partitionsByTopic.entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> newTopic(topic.getKey(), topic.getValue()))
                    .toList();
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topics " + partitionsByTopic.keySet(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static NewTopic newTopic(String name, int partitions) {
        if (!PIPELINE_TOPICS.contains(name)) {
            return new NewTopic(name, partitions, (short) 1);  // one broker
        }
        TopicSettings settings = TopicSettings.of(name);
        return new NewTopic(name, partitions, settings.replicationFactor()).configs(settings.configs());
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
