package io.cablestream.parse.messaging;

import io.cablestream.parse.support.RawRecords;
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
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class RawCableProcessorTest {

    @Test
    void seedCableIsPublishedParsedAndKeyedByItsCableId() {
        String ingestId = RawRecords.publish(SampleCables.seedCable());

        ConsumerRecord<byte[], byte[]> record = RawRecords.parsedWithIngestId(ingestId);
        ParsedCable cable = CableJson.fromJson(record.value());

        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("09USOSCE86");
        assertThat(cable.cableId()).isEqualTo("09USOSCE86");
        assertThat(cable.dtg()).isEqualTo(Instant.parse("2009-04-07T15:27:00Z"));
        assertThat(cable.classification()).isEqualTo("UNCLASSIFIED//FOR OFFICIAL USE ONLY");
        assertThat(cable.tags()).extracting(ParsedCable.Tag::code).containsExactly("EAID", "OSCE", "PREL");
        assertThat(cable.subject()).startsWith("S/CRS AMB HERBST PITCHES RECONSTRUCTION AND STABILIZATION TO OSCE STATES");
        assertThat(cable.parserVersion()).isEqualTo(CableParser.VERSION);
        assertThat(cable.ingest().id()).isEqualTo(ingestId);
        assertThat(cable.ingest().source()).isEqualTo("test");
        assertThat(cable.rawText()).contains("USOSCE 000086");
    }

    @Test
    void aPartialExtractIsParsedWithTheReleaseColumnsOfItsRecord() {
        // a cables.csv row whose text lost its header: ingest sends the row's columns as release.* headers
        byte[] bodyOnly = ("S E C R E T SECTION 01 OF 02 SAO PAULO 000872\n\nSIPDIS\n\nTAGS: PGOV, PREL, BR\n"
                + "SUBJECT: THE PARTY AFTER THE SCANDAL\n\n1. (S) The party regroups.\n").getBytes(StandardCharsets.UTF_8);
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(RawCableHeaders.RELEASE_PREFIX + "id", "05SAOPAULO872".getBytes(StandardCharsets.UTF_8));
        headers.add(RawCableHeaders.RELEASE_PREFIX + "date", "8/1/2005 12:34".getBytes(StandardCharsets.UTF_8));
        headers.add(RawCableHeaders.RELEASE_PREFIX + "classification", "SECRET".getBytes(StandardCharsets.UTF_8));

        String ingestId = RawRecords.publish(bodyOnly, headers);

        ConsumerRecord<byte[], byte[]> record = RawRecords.parsedWithIngestId(ingestId);
        ParsedCable cable = CableJson.fromJson(record.value());
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("05SAOPAULO872");
        assertThat(cable.dtg()).isEqualTo(Instant.parse("2005-08-01T12:34:00Z"));
        assertThat(cable.classification()).isEqualTo("SECRET");
    }

    @Test
    void aPartialExtractTakesTheIdOfTheFileNameItCameUnder() {
        // a release file whose text has station and serial but no year, sent as ingest sends an archive entry
        byte[] bodyOnly = ("UNCLAS SAN JOSE 002019\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL AORC KSUM SOCI CS\n"
                + "SUBJECT: CHAVEZ SOCIAL CHARTER EVENT\n\n1. (U) The event.\n").getBytes(StandardCharsets.UTF_8);
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(RawCableHeaders.SOURCE, "release/cables/05SANJOSE2019.txt".getBytes(StandardCharsets.UTF_8));

        String ingestId = RawRecords.publish(bodyOnly, headers);

        ConsumerRecord<byte[], byte[]> record = RawRecords.parsedWithIngestId(ingestId);
        ParsedCable cable = CableJson.fromJson(record.value());
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("05SANJOSE2019");
        assertThat(cable.ingest().source()).isEqualTo("release/cables/05SANJOSE2019.txt");
        assertThat(cable.warnings()).extracting(ParsedCable.Warning::code).contains("CABLE_ID_FROM_SOURCE_NAME");
    }

    @Test
    void traceContextOfTheRawRecordTravelsOnToTheParsedEvent() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));

        String ingestId = RawRecords.publish(SampleCables.all().get(4).text(), headers);

        String traceparent = TopicReader.header(RawRecords.parsedWithIngestId(ingestId), "traceparent");
        assertThat(traceparent).as("traceparent of the parsed event").isNotNull();
        assertThat(traceparent.split("-")[1]).isEqualTo(traceId);
    }

    @Test
    void garbageGoesToTheDeadLetterTopicWithItsReasonAndTheNextCableIsStillParsed() {
        byte[] garbage = new byte[2048];
        new Random(42).nextBytes(garbage);
        String garbageId = RawRecords.publish(garbage);
        String goodId = RawRecords.publish(SampleCables.all().get(0).text());

        ConsumerRecord<byte[], byte[]> dead = TopicReader.readUntil(KafkaBroker.shared().bootstrapServers(),
                        Topics.DEAD_LETTER, records -> records.stream().anyMatch(r -> hasIngestId(r, garbageId)),
                        Duration.ofSeconds(30))
                .stream().filter(r -> hasIngestId(r, garbageId)).findFirst().orElseThrow();

        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(TopicReader.header(dead, DeadLetterHeaders.REASON)).contains("no cable id");
        assertThat(TopicReader.header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.RAW);
        assertThat(TopicReader.header(dead, DeadLetterHeaders.SOURCE_OFFSET)).isNotBlank();
        assertThat(TopicReader.header(dead, DeadLetterHeaders.PARSER_VERSION)).isEqualTo(CableParser.VERSION);
        assertThat(CableJson.fromJson(RawRecords.parsedWithIngestId(goodId).value()).cableId())
                .isEqualTo(SampleCables.all().get(0).canonicalId());
    }

    private static boolean hasIngestId(ConsumerRecord<byte[], byte[]> record, String ingestId) {
        return ingestId.equals(TopicReader.header(record, RawCableHeaders.INGEST_ID));
    }
}
