package io.cablestream.parse.support;

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
public final class RawRecords {

    private RawRecords() {
    }

    /** A record published to cables.raw: its ingest id and where it landed. */
    public record Published(String ingestId, int partition, long offset) {
    }

    /** Publishes to cables.raw with a fresh ingest id, which it returns. */
    public static String publish(byte[] value) {
        return publish(value, new RecordHeaders());
    }

    /** Publishes with the given extra headers (e.g. a traceparent, a source other than "test"). */
    public static String publish(byte[] value, RecordHeaders headers) {
        return publishRecord(value, headers).ingestId();
    }

    public static Published publishRecord(byte[] value, RecordHeaders headers) {
        String ingestId = UUID.randomUUID().toString();
        headers.add(RawCableHeaders.INGEST_ID, ingestId.getBytes(StandardCharsets.UTF_8));
        if (headers.lastHeader(RawCableHeaders.SOURCE) == null) {
            headers.add(RawCableHeaders.SOURCE, "test".getBytes(StandardCharsets.UTF_8));
        }
        headers.add(RawCableHeaders.RECEIVED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        RecordMetadata sent = send(new ProducerRecord<>(Topics.RAW, null, ingestId, value, headers));
        return new Published(ingestId, sent.partition(), sent.offset());
    }

    public static RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                // cables.raw takes 2 MiB records (deploy/topics.env), as ingest-service sends them
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024))) {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parsed events of cables.raw records with this ingest id, once there are at least {@code count}. */
    public static List<ConsumerRecord<byte[], byte[]>> parsedWithIngestId(String ingestId, int count) {
        return parsedWithIngestId(ingestId, count, Duration.ofSeconds(30));
    }

    /** As above, reading for at most {@code timeout}: with a count above the expected one, all of that time. */
    public static List<ConsumerRecord<byte[], byte[]>> parsedWithIngestId(String ingestId, int count, Duration timeout) {
        return TopicReader.readUntil(KafkaBroker.shared().bootstrapServers(), Topics.PARSED,
                        read -> read.stream().filter(r -> isParsedWithIngestId(r, ingestId)).count() >= count,
                        timeout)
                .stream().filter(r -> isParsedWithIngestId(r, ingestId)).toList();
    }

    public static ConsumerRecord<byte[], byte[]> parsedWithIngestId(String ingestId) {
        return parsedWithIngestId(ingestId, 1).stream().findFirst().orElseThrow(
                () -> new AssertionError("no parsed event for ingest " + ingestId));
    }

    /** The dead letter of the raw record with this ingest id, waited for up to 30 s. */
    public static ConsumerRecord<byte[], byte[]> deadLetterWithIngestId(String ingestId) {
        return recordsWithIngestId(Topics.DEAD_LETTER, ingestId, 1, Duration.ofSeconds(30)).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for ingest " + ingestId));
    }

    /**
     * Every record of the topic whose {@code ingestId} header is this one, read for {@code timeout} or until there
     * are {@code atLeast}: with a count above what is expected, it reads the whole time and finds any extra one.
     */
    public static List<ConsumerRecord<byte[], byte[]>> recordsWithIngestId(String topic, String ingestId, int atLeast,
                                                                          Duration timeout) {
        return TopicReader.readUntil(KafkaBroker.shared().bootstrapServers(), topic,
                        read -> read.stream().filter(r -> hasIngestId(r, ingestId)).count() >= atLeast, timeout)
                .stream().filter(r -> hasIngestId(r, ingestId)).toList();
    }

    private static boolean hasIngestId(ConsumerRecord<byte[], byte[]> record, String ingestId) {
        return ingestId.equals(TopicReader.header(record, RawCableHeaders.INGEST_ID));
    }

    private static boolean isParsedWithIngestId(ConsumerRecord<byte[], byte[]> record, String ingestId) {
        return ingestId.equals(CableJson.fromJson(record.value()).ingestOrNone().id());
    }
}
