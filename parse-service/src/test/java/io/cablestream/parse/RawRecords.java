package io.cablestream.parse;

import io.cablestream.events.CableJson;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.events.Topics;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes raw cables as ingest-service would, and finds what parse-service made of them. */
final class RawRecords {

    private RawRecords() {
    }

    /** Publishes to cables.raw with a fresh ingest id, which it returns. */
    static String publish(byte[] value) {
        return publish(value, new RecordHeaders());
    }

    /** Publishes with the given extra headers (e.g. a traceparent, a source other than "test"). */
    static String publish(byte[] value, RecordHeaders headers) {
        String ingestId = UUID.randomUUID().toString();
        headers.add(RawCableHeaders.INGEST_ID, ingestId.getBytes(StandardCharsets.UTF_8));
        if (headers.lastHeader(RawCableHeaders.SOURCE) == null) {
            headers.add(RawCableHeaders.SOURCE, "test".getBytes(StandardCharsets.UTF_8));
        }
        headers.add(RawCableHeaders.RECEIVED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        send(new ProducerRecord<>(Topics.RAW, null, ingestId, value, headers));
        return ingestId;
    }

    static RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parsed events of cables.raw records with this ingest id, once there are at least {@code count}. */
    static List<ConsumerRecord<byte[], byte[]>> parsedWithIngestId(String ingestId, int count) {
        return TopicReader.readUntil(KafkaBroker.shared().bootstrapServers(), Topics.PARSED,
                        read -> read.stream().filter(r -> isParsedWithIngestId(r, ingestId)).count() >= count,
                        Duration.ofSeconds(30))
                .stream().filter(r -> isParsedWithIngestId(r, ingestId)).toList();
    }

    static ConsumerRecord<byte[], byte[]> parsedWithIngestId(String ingestId) {
        return parsedWithIngestId(ingestId, 1).stream().findFirst().orElseThrow(
                () -> new AssertionError("no parsed event for ingest " + ingestId));
    }

    private static boolean isParsedWithIngestId(ConsumerRecord<byte[], byte[]> record, String ingestId) {
        return ingestId.equals(CableJson.fromJson(record.value()).ingestId());
    }
}
