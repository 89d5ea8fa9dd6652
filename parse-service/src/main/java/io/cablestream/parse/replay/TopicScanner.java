package io.cablestream.parse.replay;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a bounded slice of a topic outside any consumer group (so the live consumers' offsets are untouched):
 * from given start positions up to the end offsets as they were when the scan began, so it always stops.
 */
final class TopicScanner {

    /** A scan that reads nothing for this long (the broker is away) fails instead of hanging. */
    private static final Duration IDLE_LIMIT = Duration.ofSeconds(30);

    /** kafka.* of the configuration: the broker's address and how to authenticate to it */
    private final Map<String, Object> broker;

    TopicScanner(Map<String, Object> broker) {
        this.broker = broker;
    }

    void scan(String topic, RawRange range, Consumer<ConsumerRecord<String, byte[]>> action) {
        Map<String, Object> config = new HashMap<>(broker);
        config.putAll(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> fromTime = offsetsAt(consumer, partitions, range.from(), ends);
            Map<TopicPartition, Long> toTime = offsetsAt(consumer, partitions, range.to(), ends);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long start = Math.max(beginnings.get(partition), Math.max(
                        orElse(range.fromOffset(), 0L), orElse(fromTime.get(partition), 0L)));
                long end = Math.min(ends.get(partition), Math.min(
                        orElse(range.toOffset(), Long.MAX_VALUE), orElse(toTime.get(partition), Long.MAX_VALUE)));
                if (start < end) {
                    consumer.seek(partition, start);
                    remaining.put(partition, end);
                }
            }
            consumer.assign(remaining.keySet());
            Instant giveUp = Instant.now().plus(IDLE_LIMIT);
            while (!remaining.isEmpty()) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("no progress reading " + topic + " for " + IDLE_LIMIT);
                }
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    giveUp = Instant.now().plus(IDLE_LIMIT);
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long end = remaining.get(partition);
                    if (end != null && record.offset() < end) {
                        action.accept(record);
                    }
                }
                remaining.keySet().removeIf(partition -> consumer.position(partition) >= remaining.get(partition));
                consumer.assign(remaining.keySet());
            }
        }
    }

    /** The first offset at or after {@code time} in each partition (the end when there is none); empty for no time. */
    private static Map<TopicPartition, Long> offsetsAt(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
                                                       Instant time, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (time != null) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(partition -> query.put(partition, time.toEpochMilli()));
            consumer.offsetsForTimes(query).forEach((partition, found) ->
                    offsets.put(partition, found == null ? ends.get(partition) : found.offset()));
        }
        return offsets;
    }

    private static long orElse(Long value, long fallback) {
        return value == null ? fallback : value;
    }
}
