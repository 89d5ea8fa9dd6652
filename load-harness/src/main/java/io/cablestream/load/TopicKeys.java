package io.cablestream.load;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every key of a topic, read from the start to the end offsets outside any consumer group: where a lost cable went,
 * and at which partition and offset its last record is.
 */
final class TopicKeys {

    private TopicKeys() {
    }

    static Set<String> of(String bootstrapServers, String topic) {
        return positions(bootstrapServers, topic).keySet();
    }

    /** The {@code partition@offset} of each key's last record. */
    static Map<String, String> positions(String bootstrapServers, String topic) {
        Map<String, String> keys = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 120_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    keys.put(record.key(), record.partition() + "@" + record.offset());
                }
            }
        }
        return keys;
    }
}
