package io.cablestream.e2e;

import io.cablestream.events.ParsedCable;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.events.Topics;
import io.cablestream.parser.CableParser;
import io.cablestream.testkit.CableFeed;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.TestDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two parse-service instances share cables.raw; one is killed with SIGKILL halfway. The survivor takes over
 * its partitions and redoes what it had not committed: every cable is stored exactly once, and no lag is left.
 */
class ParseScalingIT {

    private static final int CABLES = 5_000;

    @Test
    void killedParserLosesAndDoublesNothing() throws Exception {
        Path root = Path.of(System.getProperty("cables.repo.root", "..")).toAbsolutePath().normalize();
        List<byte[]> cables = CableFeed.cables(root, CABLES);
        CableParser parser = new CableParser();
        Set<String> expectedIds = cables.stream().map(parser::parse).map(ParsedCable::cableId)
                .filter(Objects::nonNull).collect(Collectors.toSet());

        try (Pipeline pipeline = Pipeline.start(2)) {
            publish(cables);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> storedOf(expectedIds) >= expectedIds.size() / 10);
            pipeline.parsers.get(0).kill();
            long storedAtKill = storedOf(expectedIds);
            assertThat(storedAtKill).as("the kill came before the end").isLessThan(expectedIds.size());

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> storedOf(expectedIds) == expectedIds.size());
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> lag("parse-service", Topics.RAW) == 0 && lag("store-service", Topics.PARSED) == 0);

            assertThat(rowsOf(expectedIds)).isEqualTo(expectedIds.size());
            System.out.printf("ParseScalingIT: %d cables, %d distinct ids, %d stored at the kill, all stored once%n",
                    cables.size(), expectedIds.size(), storedAtKill);
        }
    }

    private static void publish(List<byte[]> cables) throws Exception {
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

    /** Distinct expected cables in the store. */
    private static long storedOf(Set<String> ids) throws Exception {
        return query("SELECT count(DISTINCT cable_id) FROM cable WHERE cable_id = ANY (?)", ids);
    }

    /** Rows for the expected cables: equal to {@link #storedOf} only if none is doubled. */
    private static long rowsOf(Set<String> ids) throws Exception {
        return query("SELECT count(*) FROM cable WHERE cable_id = ANY (?)", ids);
    }

    private static long query(String sql, Set<String> ids) throws Exception {
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Records of the topic that the group has not committed yet, over all partitions. */
    private static long lag(String group, String topic) throws Exception {
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
}
