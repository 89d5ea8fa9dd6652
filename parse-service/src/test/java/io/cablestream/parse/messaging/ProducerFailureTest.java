package io.cablestream.parse.messaging;

import io.cablestream.parse.support.RawRecords;
import io.cablestream.events.CableJson;
import io.cablestream.events.Topics;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.SampleCables;
import io.cablestream.testkit.TopicSettings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * A good cable whose parsed event cables.parsed does not take is broker trouble, not a bad cable: it is never
 * dead-lettered, its raw offset is not committed, readiness says why, and it arrives once the broker takes it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ProducerFailureTest {

    private static final ConfigResource PARSED = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PARSED);

    @Test
    void aParsedEventOverTheTopicsLimitIsSentAgainUntilTheLimitIsRaisedAndNeverDeadLettered() {
        var sample = SampleCables.all().get(2);
        RawRecords.Published raw;
        // far below any parsed event (it carries the raw text): the broker answers RecordTooLargeException
        setParsedTopicConfig("max.message.bytes", "1024");
        try {
            raw = RawRecords.publishRecord(sample.text(), new RecordHeaders());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .statusCode(503).body(containsString("RecordTooLargeException")));
            given().get("/q/health/live").then().statusCode(200);
            assertThat(committedOffset(raw)).as("offset committed past the refused cable").isLessThanOrEqualTo(raw.offset());
        } finally {
            setParsedTopicConfig("max.message.bytes", TopicSettings.of(Topics.PARSED).configs().get("max.message.bytes"));
        }

        assertArrivesOnceAndIsNeverDeadLettered(raw, sample.canonicalId());
    }

    private static void assertArrivesOnceAndIsNeverDeadLettered(RawRecords.Published raw, String cableId) {
        assertThat(CableJson.fromJson(RawRecords.parsedWithIngestId(raw.ingestId()).value()).cableId()).isEqualTo(cableId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset(raw) > raw.offset());
        // read for a few seconds more: a second copy would show here
        assertThat(RawRecords.parsedWithIngestId(raw.ingestId(), 2, Duration.ofSeconds(3))).hasSize(1);
        assertThat(RawRecords.recordsWithIngestId(Topics.DEAD_LETTER, raw.ingestId(), 1, Duration.ofSeconds(2))).isEmpty();
    }

    private static void setParsedTopicConfig(String name, String value) {
        try (var admin = KafkaBroker.shared().admin()) {
            admin.incrementalAlterConfigs(Map.of(PARSED, List.of(new AlterConfigOp(new ConfigEntry(name, value),
                    AlterConfigOp.OpType.SET)))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not set " + name + " of " + Topics.PARSED, e);
        }
    }

    /** The offset parse-service's group committed on the raw record's partition (-1: none yet). */
    private static long committedOffset(RawRecords.Published raw) {
        try (var admin = KafkaBroker.shared().admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("parse-service")
                    .partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata committed = offsets.get(new TopicPartition(Topics.RAW, raw.partition()));
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
