package io.cablestream.ingest.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads the keys of a whole topic, from its beginning to the end offsets of the moment, outside any group. */
final class RawTopicKeys {

    private static final Duration DEADLINE = Duration.ofMinutes(10);

    private RawTopicKeys() {
    }

    /** Every key of the topic, read with the broker settings given (its address and credentials). */
    static int readAll(Map<String, Object> broker, String topic, Consumer<String> key) {
        Map<String, Object> config = new HashMap<>(broker);
        config.putAll(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024));
        // values are fetched anyway, but never decoded
        Deserializer<Void> skipValue = (t, data) -> null;
        int count = 0;
        try (KafkaConsumer<String, Void> consumer = new KafkaConsumer<>(config, new StringDeserializer(), skipValue)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(DEADLINE);
            while (!reached(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " within " + DEADLINE);
                }
                for (ConsumerRecord<String, Void> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null) {
                        key.accept(record.key());
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
