package io.cablestream.parse;

import io.cablestream.events.CableJson;
import io.cablestream.events.DeadLetterHeaders;
import io.cablestream.events.ParsedCable;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.events.Topics;
import io.cablestream.parser.CableParser;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.SampleCables;
import io.cablestream.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class RawCableProcessorTest {

    @Test
    void seedCableIsPublishedParsedAndKeyedByItsCableId() {
        String ingestId = publishRaw(SampleCables.seedCable());

        ConsumerRecord<byte[], byte[]> record = parsedWithIngestId(ingestId);
        ParsedCable cable = CableJson.fromJson(record.value());

        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("09USOSCE86");
        assertThat(cable.cableId()).isEqualTo("09USOSCE86");
        assertThat(cable.dtg()).isEqualTo(Instant.parse("2009-04-07T15:27:00Z"));
        assertThat(cable.classification()).isEqualTo("UNCLASSIFIED//FOR OFFICIAL USE ONLY");
        assertThat(cable.tags()).extracting(ParsedCable.Tag::code).containsExactly("EAID", "OSCE", "PREL");
        assertThat(cable.subject()).startsWith("S/CRS AMB HERBST PITCHES RECONSTRUCTION AND STABILIZATION TO OSCE STATES");
        assertThat(cable.parserVersion()).isEqualTo(CableParser.VERSION);
        assertThat(cable.ingestId()).isEqualTo(ingestId);
        assertThat(cable.source()).isEqualTo("test");
        assertThat(cable.rawText()).contains("USOSCE 000086");
    }

    @Test
    void garbageGoesToTheDeadLetterTopicWithItsReasonAndTheNextCableIsStillParsed() {
        byte[] garbage = new byte[2048];
        new Random(42).nextBytes(garbage);
        String garbageId = publishRaw(garbage);
        String goodId = publishRaw(SampleCables.all().get(0).text());

        ConsumerRecord<byte[], byte[]> dead = TopicReader.readUntil(KafkaBroker.shared().bootstrapServers(),
                        Topics.DEAD_LETTER, records -> records.stream().anyMatch(r -> hasIngestId(r, garbageId)),
                        Duration.ofSeconds(30))
                .stream().filter(r -> hasIngestId(r, garbageId)).findFirst().orElseThrow();

        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(TopicReader.header(dead, DeadLetterHeaders.REASON)).contains("no cable id");
        assertThat(TopicReader.header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.RAW);
        assertThat(TopicReader.header(dead, DeadLetterHeaders.SOURCE_OFFSET)).isNotBlank();
        assertThat(TopicReader.header(dead, DeadLetterHeaders.PARSER_VERSION)).isEqualTo(CableParser.VERSION);
        assertThat(CableJson.fromJson(parsedWithIngestId(goodId).value()).cableId())
                .isEqualTo(SampleCables.all().get(0).canonicalId());
    }

    private static String publishRaw(byte[] value) {
        String ingestId = UUID.randomUUID().toString();
        var record = new ProducerRecord<String, byte[]>(Topics.RAW, ingestId, value);
        record.headers().add(RawCableHeaders.INGEST_ID, ingestId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(RawCableHeaders.SOURCE, "test".getBytes(StandardCharsets.UTF_8));
        record.headers().add(RawCableHeaders.RECEIVED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ingestId;
    }

    private static ConsumerRecord<byte[], byte[]> parsedWithIngestId(String ingestId) {
        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readUntil(KafkaBroker.shared().bootstrapServers(),
                Topics.PARSED, read -> read.stream().anyMatch(r -> isParsedWithIngestId(r, ingestId)),
                Duration.ofSeconds(30));
        return records.stream().filter(r -> isParsedWithIngestId(r, ingestId)).findFirst().orElseThrow();
    }

    private static boolean isParsedWithIngestId(ConsumerRecord<byte[], byte[]> record, String ingestId) {
        return ingestId.equals(CableJson.fromJson(record.value()).ingestId());
    }

    private static boolean hasIngestId(ConsumerRecord<byte[], byte[]> record, String ingestId) {
        return ingestId.equals(TopicReader.header(record, RawCableHeaders.INGEST_ID));
    }
}
