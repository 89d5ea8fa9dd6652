package io.cablestream.testkit;

import io.cablestream.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * How the test and load brokers get their topics: the pipeline's with the settings of deploy/topics.env, as every
 * local start makes them, and any other a test or run asks for.
 */
public final class PipelineTopics {

    private static final List<String> PIPELINE = List.of(Topics.RAW, Topics.PARSED, Topics.DEAD_LETTER);

    private PipelineTopics() {
    }

    /** cables.raw, cables.parsed and cables.dead-letter with the partitions and configs of deploy/topics.env. */
    public static void create(Admin admin) {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        for (String topic : PIPELINE) {
            partitions.put(topic, TopicSettings.of(topic).partitions());
        }
        create(admin, partitions);
    }

    /**
     * Creates the topics that do not exist yet, with the given partition counts; a pipeline topic gets the configs
     * of deploy/topics.env (retention, max.message.bytes, min.insync.replicas), as every local start does.
     */
    public static void create(Admin admin, Map<String, Integer> partitionsByTopic) {
        try {
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
        if (!PIPELINE.contains(name)) {
            return new NewTopic(name, partitions, (short) 1);  // one broker
        }
        TopicSettings settings = TopicSettings.of(name);
        return new NewTopic(name, partitions, settings.replicationFactor()).configs(settings.configs());
    }
}
