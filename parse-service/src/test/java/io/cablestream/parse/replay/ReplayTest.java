package io.cablestream.parse.replay;

import io.cablestream.parse.support.RawRecords;
import io.cablestream.events.CableJson;
import io.cablestream.events.DeadLetterHeaders;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.events.Topics;
import io.cablestream.parser.CableParser;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.SampleCables;
import io.cablestream.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ReplayTest {

    /** A dead letter an older parser wrote for a cable the current parser reads: the replay after the fix. */
    @Test
    void deadLetterOfAnOlderParserIsParsedAgainAndPublished() {
        String ingestId = UUID.randomUUID().toString();
        RecordHeaders headers = new RecordHeaders();
        add(headers, RawCableHeaders.INGEST_ID, ingestId);
        add(headers, DeadLetterHeaders.REASON, "no cable id could be read");
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, Topics.RAW);
        add(headers, DeadLetterHeaders.PARSER_VERSION, "0.9.0");
        RawRecords.send(new ProducerRecord<>(Topics.DEAD_LETTER, null, "key", SampleCables.seedCable(), headers));
        RecordHeaders fromStore = new RecordHeaders();
        add(fromStore, DeadLetterHeaders.SOURCE_TOPIC, Topics.PARSED);
        RawRecords.send(new ProducerRecord<>(Topics.DEAD_LETTER, null, "poison", "{not json".getBytes(), fromStore));

        given().post("/api/replay/dead-letters").then().statusCode(200)
                .body("republished", greaterThanOrEqualTo(1))
                .body("skipped", greaterThanOrEqualTo(1));

        var parsed = CableJson.fromJson(RawRecords.parsedWithIngestId(ingestId).value());
        assertThat(parsed.cableId()).isEqualTo("09USOSCE86");
        assertThat(parsed.parserVersion()).isEqualTo(CableParser.VERSION);
    }

    @Test
    void rawRangeIsParsedAgainOncePerReplay() {
        String ingestId = RawRecords.publish(SampleCables.all().get(5).text());
        RawRecords.parsedWithIngestId(ingestId);
        long offset = offsetOf(ingestId);

        given().queryParam("fromOffset", offset).queryParam("toOffset", offset + 1)
                .post("/api/replay/raw").then().statusCode(200).body("read", greaterThanOrEqualTo(1));
        given().queryParam("fromOffset", offset).queryParam("toOffset", offset + 1)
                .post("/api/replay/raw").then().statusCode(200);

        assertThat(RawRecords.parsedWithIngestId(ingestId, 3))
                .hasSize(3)
                .allSatisfy(r -> assertThat(new String(r.key(), StandardCharsets.UTF_8))
                        .isEqualTo(SampleCables.all().get(5).canonicalId()));
    }

    @Test
    void badRangeIsA400NamingTheParameter() {
        given().queryParam("from", "yesterday").post("/api/replay/raw").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'from'"));
        given().queryParam("fromOffset", "ten").post("/api/replay/raw").then().statusCode(400)
                .body("detail", containsString("'fromOffset'"));
    }

    private static long offsetOf(String ingestId) {
        return TopicReader.readUntil(KafkaBroker.shared().bootstrapServers(),
                        Topics.RAW, r -> r.stream().anyMatch(x -> ingestId.equals(TopicReader
                                .header(x, RawCableHeaders.INGEST_ID))), Duration.ofSeconds(10))
                .stream().filter(x -> ingestId.equals(TopicReader.header(x, RawCableHeaders.INGEST_ID)))
                .findFirst().orElseThrow().offset();
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
