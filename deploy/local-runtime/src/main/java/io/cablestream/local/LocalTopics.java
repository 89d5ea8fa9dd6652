package io.cablestream.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the pipeline's topics that are missing with the settings of deploy/topics.env, and sets those settings
 * on topics that exist with others (a broker started by an older version kept cables.raw for Kafka's default
 * 7 days), saying what it changed. The local broker gets its topics here ({@link LocalKafkaSetup}), and so do the
 * tests' and the load harness's brokers (testkit's PipelineTopics), so every broker is set up one way.
 */
public final class LocalTopics {

    /** A topic as deploy/kafka.sh (or testkit's PipelineTopics) asks for it. */
    public record Wanted(String name, int partitions, short replicationFactor, Map<String, String> configs) {

        /** {@code cables.raw:6:retention.ms=-1,max.message.bytes=2097152} */
        public static Wanted parse(String argument, short replicationFactor) {
            String[] parts = argument.split(":", 3);
            Map<String, String> configs = new LinkedHashMap<>();
            if (parts.length == 3 && !parts[2].isBlank()) {
                for (String config : parts[2].split(",")) {
                    String[] entry = config.split("=", 2);
                    configs.put(entry[0], entry[1]);
                }
            }
            return new Wanted(parts[0], Integer.parseInt(parts[1]), replicationFactor, configs);
        }
    }

    private LocalTopics() {
    }

    /** As {@link #ensure(Admin, Set, List, PrintStream)}, on the topics the broker has now. */
    public static void ensure(Admin admin, List<Wanted> wanted, PrintStream out) throws Exception {
        ensure(admin, admin.listTopics().names().get(30, TimeUnit.SECONDS), wanted, out);
    }

    /** Creates each missing topic; sets the wanted configs where an existing topic has other values. */
    public static void ensure(Admin admin, Set<String> existing, List<Wanted> wanted, PrintStream out) throws Exception {
        for (Wanted topic : wanted) {
            if (existing.contains(topic.name())) {
                alignConfigs(admin, topic, out);
                continue;
            }
            try {
                admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), topic.replicationFactor())
                        .configs(topic.configs()))).all().get(30, TimeUnit.SECONDS);
                out.printf("created topic %s (%d partitions, %s)%n", topic.name(), topic.partitions(), topic.configs());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private static void alignConfigs(Admin admin, Wanted topic, PrintStream out) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        Config current = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        List<AlterConfigOp> changes = new ArrayList<>();
        List<String> said = new ArrayList<>();
        topic.configs().forEach((name, value) -> {
            ConfigEntry entry = current.get(name);
            String was = entry == null ? null : entry.value();
            if (!value.equals(was)) {
                changes.add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET));
                said.add(name + " " + was + " -> " + value);
            }
        });
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(Map.of(resource, changes)).all().get(30, TimeUnit.SECONDS);
            out.printf("topic %s existed with other settings, set to deploy/topics.env: %s%n", topic.name(),
                    String.join(", ", said));
        }
        int partitions = admin.describeTopics(List.of(topic.name())).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(topic.name()).partitions().size();
        if (partitions != topic.partitions()) {
            // partitions can only grow, and growing them moves keys to other partitions: left to the operator
            out.printf("warning: topic %s has %d partitions, deploy/topics.env asks for %d (left as it is)%n",
                    topic.name(), partitions, topic.partitions());
        }
    }
}
