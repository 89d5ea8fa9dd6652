package io.cablestream.testkit;

import io.cablestream.events.Topics;
import io.cablestream.local.LocalTopics;
import org.apache.kafka.clients.admin.Admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * of deploy/topics.env (retention, max.message.bytes, min.insync.replicas), as every local start does, and an
     * existing one is set to them.
     */
    public static void create(Admin admin, Map<String, Integer> partitionsByTopic) {
        List<LocalTopics.Wanted> wanted = partitionsByTopic.entrySet().stream()
                .map(topic -> wanted(topic.getKey(), topic.getValue()))
                .toList();
        try {
            // the way bin/cables up makes them (deploy/local-runtime): one topic creation for every broker
            LocalTopics.ensure(admin, wanted, System.out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics " + partitionsByTopic.keySet(), e);
        }
    }

    private static LocalTopics.Wanted wanted(String name, int partitions) {
        if (!PIPELINE.contains(name)) {
            return new LocalTopics.Wanted(name, partitions, (short) 1, Map.of());  // one broker
        }
        TopicSettings settings = TopicSettings.of(name);
        return new LocalTopics.Wanted(name, partitions, settings.replicationFactor(), settings.configs());
    }
}
