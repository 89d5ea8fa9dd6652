package io.cablestream.e2e;

import io.cablestream.events.RawCableHeaders;
import io.cablestream.events.Topics;
import io.cablestream.testkit.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** cables.raw of the shared test broker as the tests write to it past ingest, and the lag of a consumer group. */
final class RawTopic {

    private RawTopic() {
    }

    /** Each text as its own record with a fresh ingest id, as ingest (or two ingest replicas) would publish it. */
    static void publish(List<byte[]> cables) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"))) {
            for (byte[] cable : cables) {
                String ingestId = UUID.randomUUID().toString();
                RecordHeaders headers = new RecordHeaders();
                headers.add(RawCableHeaders.INGEST_ID, ingestId.getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(Topics.RAW, null, ingestId, cable, headers));
            }
            producer.flush();
        }
    }

    /** Records of {@code topic} that {@code group} has not committed yet. */
    static long lag(String group, String topic) throws Exception {
        try (Admin admin = KafkaBroker.shared().admin()) {
            Map<TopicPartition, Long> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .mapToLong(e -> e.getValue().offset() - committed.getOrDefault(e.getKey(), 0L))
                    .sum();
        }
    }

    /** Both stages have committed everything: every record on cables.raw was parsed and its event stored. */
    static boolean drained() throws Exception {
        return lag("parse-service", Topics.RAW) == 0 && lag("store-service", Topics.PARSED) == 0;
    }
}
