package io.cablestream.ingest.rest;

import io.cablestream.ingest.support.RawTopic;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.events.Topics;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.SampleCables;
import io.cablestream.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class CableResourceTest {

    @Test
    void acceptedCableIsOnCablesRawWithItsHeaders() {
        ExtractableResponse<Response> receipt = given().contentType("text/plain; charset=UTF-8")
                .header("X-Cable-Source", "09USOSCE86-ocr.txt")
                .body(SampleCables.seedCable())
                .post("/api/cables")
                .then().statusCode(202).extract();
        String ingestId = receipt.path("ingestId");
        String sha256 = receipt.path("sha256");

        ConsumerRecord<byte[], byte[]> record = recordWithIngestId(ingestId);

        assertThat(sha256).matches("[0-9a-f]{64}");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(sha256);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("USOSCE 000086");
        assertThat(TopicReader.header(record, RawCableHeaders.SHA256)).isEqualTo(sha256);
        assertThat(TopicReader.header(record, RawCableHeaders.SOURCE)).isEqualTo("09USOSCE86-ocr.txt");
        assertThat(TopicReader.header(record, RawCableHeaders.CONTENT_TYPE)).isEqualTo("text/plain");
        assertThat(TopicReader.header(record, RawCableHeaders.CHARSET)).isEqualTo("UTF-8");
        assertThat(Instant.parse(TopicReader.header(record, RawCableHeaders.RECEIVED_AT)))
                .isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void traceOfTheRequestTravelsOnInTheRecordsTraceparent() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String ingestId = given().contentType("text/plain")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body("UNCLAS STATE 000002\nSUBJECT: TRACED " + java.util.UUID.randomUUID() + "\n")
                .post("/api/cables").then().statusCode(202).extract().path("ingestId");

        String traceparent = TopicReader.header(recordWithIngestId(ingestId), RawCableHeaders.TRACEPARENT);

        assertThat(traceparent).as("traceparent header of the record").isNotNull();
        assertThat(traceparent.split("-")[1]).isEqualTo(traceId);
    }

    @Test
    void requestWithoutTraceStartsOne() {
        String ingestId = given().contentType("text/plain")
                .body("UNCLAS STATE 000003\nSUBJECT: UNTRACED " + java.util.UUID.randomUUID() + "\n")
                .post("/api/cables").then().statusCode(202).extract().path("ingestId");

        assertThat(TopicReader.header(recordWithIngestId(ingestId), RawCableHeaders.TRACEPARENT))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
                .doesNotContain("00000000000000000000000000000000");
    }

    @Test
    void sameTextWithCrlfLineEndingsIsTheSameCableAndADuplicate() {
        String lf = "UNCLAS STATE 000001\nSUBJECT: TEST " + java.util.UUID.randomUUID() + "\n";
        String first = given().contentType("text/plain").body(lf).post("/api/cables").then().statusCode(202)
                .body("status", equalTo("accepted"))
                .extract().path("sha256");
        String second = given().contentType("text/plain").body(lf.replace("\n", "\r\n") + "  ").post("/api/cables")
                .then().statusCode(202).body("status", equalTo("duplicate"))
                .extract().path("sha256");

        assertThat(second).isEqualTo(first);
        assertThat(RawTopic.withKeys(KafkaBroker.shared().bootstrapServers(), List.of(first))).hasSize(1);
    }

    @Test
    void wrongMediaTypeIsRefusedWith415AndAProblemBody() {
        given().contentType("application/json").body("{\"text\": \"UNCLAS\"}").post("/api/cables")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void binaryBodyIsABadRequest() {
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        given().contentType("text/plain; charset=ISO-8859-1").body(binary).post("/api/cables")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("binary"));
    }

    @Test
    void undeclaredWindows1252IsDecodedAndFlagged() {
        byte[] body = "UNCLAS PARIS 000123\n\u00b61. (U) Text.\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));

        // RestAssured would otherwise declare ISO-8859-1 itself
        String ingestId = given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("text/plain").body(body).post("/api/cables")
                .then().statusCode(202).extract().path("ingestId");

        ConsumerRecord<byte[], byte[]> record = recordWithIngestId(ingestId);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\u00b61. (U) Text.");
        assertThat(TopicReader.header(record, RawCableHeaders.CHARSET_GUESSED)).isEqualTo("true");
        assertThat(TopicReader.header(record, RawCableHeaders.CHARSET)).isEqualTo("windows-1252");
    }

    @Test
    void emptyBodyIsABadRequestWithAProblemBody() {
        given().contentType("text/plain").body(new byte[0]).post("/api/cables")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("empty"));
    }

    @Test
    void cableOverTheSizeLimitIsRefusedWith413() {
        byte[] huge = "A".repeat(1_048_577).getBytes(StandardCharsets.US_ASCII);

        given().contentType("text/plain").body(huge).post("/api/cables")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("1048576"));
    }

    private static ConsumerRecord<byte[], byte[]> recordWithIngestId(String ingestId) {
        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readUntil(KafkaBroker.shared().bootstrapServers(),
                Topics.RAW, read -> read.stream().anyMatch(r -> ingestId.equals(ingestIdOf(r))),
                Duration.ofSeconds(30));
        return records.stream().filter(r -> ingestId.equals(ingestIdOf(r))).findFirst().orElseThrow();
    }

    private static String ingestIdOf(ConsumerRecord<byte[], byte[]> record) {
        return TopicReader.header(record, RawCableHeaders.INGEST_ID);
    }
}
