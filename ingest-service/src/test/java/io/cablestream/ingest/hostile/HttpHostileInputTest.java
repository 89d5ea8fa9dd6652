package io.cablestream.ingest.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.ingest.support.RawTopic;
import io.cablestream.ingest.support.TestCables.TestCable;
import io.cablestream.ingest.support.TestCables;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.cablestream.ingest.hostile.HostileChecks.assertLastItemRejected;
import static io.cablestream.ingest.hostile.HostileChecks.assertProblem;
import static io.cablestream.ingest.hostile.HostileChecks.onRawSince;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile bodies and requests to {@code POST /api/cables} and NDJSON batches, each against the running service. */
@QuarkusTest
@TestProfile(HostileInputProfile.class)
@WithTestResource(KafkaTestResource.class)
class HttpHostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UTF8_TEXT = "text/plain; charset=UTF-8";

    @AfterEach
    void serviceIsStillWell() {
        HostileChecks.assertServiceStillWell();
    }

    @Test
    void emptyBodyIsA400Problem() {
        assertProblem(given().contentType("text/plain").body(new byte[0]).post("/api/cables"), 400, "empty");
    }

    @Test
    void whitespaceOnlyBodyIsA400Problem() {
        assertProblem(given().contentType("text/plain").body(" \t\r\n \n\n   ".getBytes()).post("/api/cables"),
                400, "white space");
    }

    @Test
    void tenMegabyteBodyIsA413ProblemReadOnlyToTheLimit() {
        Answer answer = Answer.streamed("/api/cables", UTF8_TEXT, Bombs.letters(10L * 1024 * 1024));
        assertProblem(answer, 413, "cables.ingest.max-cable-bytes");
    }

    @Test
    void tenMegabyteNdjsonLineIsRejectedAlone() throws IOException {
        InputStream line = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream("{\"text\":\"".getBytes()),
                new java.io.SequenceInputStream(Bombs.letters(10L * 1024 * 1024),
                        new java.io.ByteArrayInputStream("\"}\n".getBytes())));
        assertLastItemRejected(Answer.streamed("/api/cables/batch", "application/x-ndjson", line), "too-large");
    }

    @Test
    void millionCharacterLineIsOneCableAcceptedAsItIs() {
        String text = "UNCLAS " + UUID.randomUUID() + " " + "x".repeat(1_000_000);
        var before = rawEnd();
        Response answer = given().contentType(UTF8_TEXT).body(text.getBytes()).post("/api/cables");
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.jsonPath().getString("status")).isEqualTo("accepted");
        assertThat(onRawSince(before, TestCables.sha256(text))).singleElement()
                .satisfies(r -> assertThat(r.value()).hasSize(text.length()));
    }

    @Test
    void invalidUtf8IsReadAsWindows1252AndFlagged() {
        TestCable cable = TestCables.unique(1).get(0);
        byte[] bytes = concat(cable.bytes(), new byte[] {(byte) 0xC3, 0x28, (byte) 0xA0, (byte) 0xE9});
        var before = rawEnd();
        Response answer = undeclared().body(bytes).post("/api/cables");
        assertThat(answer.statusCode()).isEqualTo(202);
        ConsumerRecord<byte[], byte[]> record = onRawSince(before, answer.jsonPath().getString("sha256")).get(0);
        assertThat(TopicReader.header(record, RawCableHeaders.CHARSET)).isEqualTo("windows-1252");
        assertThat(TopicReader.header(record, RawCableHeaders.CHARSET_GUESSED)).isEqualTo("true");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).endsWith("Ã(\u00a0é");
    }

    @Test
    void utf16WithAByteOrderMarkIsDecodedAsUtf16() {
        TestCable cable = TestCables.unique(1).get(0);
        byte[] utf16 = cable.text().getBytes(StandardCharsets.UTF_16); // big-endian, with its mark
        var before = rawEnd();
        Response answer = undeclared().body(utf16).post("/api/cables");
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.jsonPath().getString("sha256")).isEqualTo(cable.sha256());
        ConsumerRecord<byte[], byte[]> record = onRawSince(before, cable.sha256()).get(0);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(TestCables.normalised(cable.text()));
        assertThat(TopicReader.header(record, RawCableHeaders.CHARSET)).isEqualTo("UTF-16");
    }

    @Test
    void htmlAndScriptAreTextKeptByteForByteAndNeverInterpreted() {
        String script = "<script>alert(document.cookie)</script>";
        String text = "<html><body onload=\"x()\">" + script + "</body></html>\n" + TestCables.unique(1).get(0).text();
        var before = rawEnd();
        Response answer = given().contentType(UTF8_TEXT).header("X-Cable-Source", script)
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/cables");
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.jsonPath().getString("source")).isEqualTo(script);
        ConsumerRecord<byte[], byte[]> record = onRawSince(before, TestCables.sha256(text)).get(0);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(TestCables.normalised(text));
        assertThat(TopicReader.header(record, RawCableHeaders.SOURCE)).isEqualTo(script);
        // the same source on a refused cable: a JSON problem, not an HTML page echoing it
        assertProblem(given().contentType(UTF8_TEXT).header("X-Cable-Source", script).body(" ".getBytes())
                .post("/api/cables"), 400, "white space");
    }

    @Test
    void sqlAndJsonMetacharactersInEveryNdjsonFieldArePublishedExactly() throws IOException {
        String evil = "'; DROP TABLE cable; -- \" } ] \\ {\"$ne\":null} %s %n ${jndi:ldap://x} \u2028";
        String text = TestCables.unique(1).get(0).text() + "\n" + evil;
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("id", evil);
        release.put("origin", "Robert'); DROP TABLE students;--");
        String line = JSON.writeValueAsString(Map.of("text", text, "source", evil, "release", release)) + "\n";
        var before = rawEnd();
        Response answer = given().contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8))
                .post("/api/cables/batch");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("items[0].status")).isEqualTo("accepted");
        assertThat(answer.jsonPath().getString("items[0].source")).isEqualTo(evil);
        ConsumerRecord<byte[], byte[]> record = onRawSince(before, TestCables.sha256(text)).get(0);
        assertThat(TopicReader.header(record, RawCableHeaders.SOURCE)).isEqualTo(evil);
        assertThat(TopicReader.header(record, RawCableHeaders.RELEASE_PREFIX + "id")).isEqualTo(evil);
        assertThat(TopicReader.header(record, RawCableHeaders.RELEASE_PREFIX + "origin"))
                .isEqualTo("Robert'); DROP TABLE students;--");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(TestCables.normalised(text));
    }

    @Test
    void deeplyNestedNdjsonIsRejectedAsMalformed() {
        String line = "{\"text\":\"UNCLAS\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}\n";
        String detail = assertLastItemRejected(given().contentType("application/x-ndjson").body(line.getBytes())
                .post("/api/cables/batch"), "malformed");
        assertThat(detail).contains("line 1");
    }

    @Test
    void malformedNdjsonLinesAreRejectedAloneAndTheGoodOneAccepted() throws IOException {
        TestCable good = TestCables.unique(1).get(0);
        String body = "{\"text\": \"unterminated\n[1,2]\n{\"text\": 42}\n"
                + JSON.writeValueAsString(Map.of("text", good.text())) + "\n{\"text\":\"x\",,}\n";
        Response answer = given().contentType("application/x-ndjson").body(body.getBytes()).post("/api/cables/batch");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getList("items.status"))
                .containsExactly("rejected", "rejected", "rejected", "accepted", "rejected");
        assertThat(answer.jsonPath().getList("items.reason")).containsOnly("malformed", null);
    }

    @Test
    void windows1252CableThatTriplesInUtf8IsA413ProblemNotA503() {
        byte[] euros = new byte[1_000_000]; // 0x80 is the euro sign in Windows-1252: three bytes of UTF-8
        Arrays.fill(euros, (byte) 0x80);
        byte[] body = concat(("UNCLAS " + UUID.randomUUID() + "\n").getBytes(), euros);
        Response answer = given().contentType("text/plain; charset=windows-1252").body(body).post("/api/cables");
        assertProblem(answer, 413, "cables.ingest.max-record-bytes");
        assertThat(answer.header("Retry-After")).isNull();
    }

    @Test
    void ndjsonSourceOfThreeMegabytesIsRejectedWithTheReason() throws IOException {
        String line = JSON.writeValueAsString(Map.of("text", TestCables.unique(1).get(0).text(),
                "source", "s".repeat(3 * 1024 * 1024))) + "\n";
        Response answer = given().contentType("application/x-ndjson").body(line.getBytes()).post("/api/cables/batch");
        String detail = assertLastItemRejected(answer, "source-too-long");
        assertThat(detail).contains("cables.ingest.max-source-chars");
        assertThat(answer.asString().length()).isLessThan(10_000); // the source is not echoed back whole
    }

    @Test
    void sourceHeaderLongerThanTheLimitIsA400Problem() {
        assertProblem(given().contentType(UTF8_TEXT).header("X-Cable-Source", "s".repeat(5000))
                .body(TestCables.unique(1).get(0).bytes()).post("/api/cables"), 400, "cables.ingest.max-source-chars");
    }

    @Test
    void batchWithMoreItemsThanTheLimitIsCutWithARejectedItem() {
        String run = UUID.randomUUID().toString();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i <= HostileInputProfile.MAX_BATCH_ITEMS + 50; i++) {
            body.append("{\"text\":\"UNCLAS ").append(run).append(' ').append(i).append("\"}\n");
        }
        Response answer = given().contentType("application/x-ndjson").body(body.toString().getBytes())
                .post("/api/cables/batch");
        assertThat(assertLastItemRejected(answer, "too-many-items")).contains("cables.ingest.max-batch-items");
        assertThat(answer.jsonPath().getInt("accepted")).isEqualTo(HostileInputProfile.MAX_BATCH_ITEMS);
    }

    @Test
    void oversizeHeadersAreRefusedBeforeTheService() {
        Response answer = given().contentType(UTF8_TEXT).header("X-Padding", "p".repeat(64 * 1024))
                .body(TestCables.unique(1).get(0).bytes()).post("/api/cables");
        // refused by the HTTP layer (Vert.x) before any route: 431 without a body of the service's
        assertThat(answer.statusCode()).isEqualTo(431);
    }

    @Test
    void bzip2BodyIsA415ProblemAndNeverDecompressed() throws IOException {
        byte[] bomb = Bombs.bzip2Zeros(16 * 1024 * 1024);
        assertProblem(given().contentType("application/x-bzip2").body(bomb).post("/api/cables/batch"), 415, "");
    }

    @Test
    void slowClientIsCutOffByTheReadTimeoutWithoutTyingUpAWorker() throws IOException {
        long started = System.nanoTime();
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/cables HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Authorization: " + io.cablestream.testkit.TestTokens.bearer(io.cablestream.testkit.TestTokens.everything())
                    + "\r\nContent-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 5; i++) { // a trickle, then nothing: the other 99,995 bytes never come
                out.write('x');
                out.flush();
                sleep(200);
            }
            String answer = readUntilClosed(socket.getInputStream());
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertThat(seconds).as("seconds until the server gave up").isLessThan(12);
            // the connection is closed, or answered with a client error; never a 500 with a stack
            assertThat(answer).doesNotContain(" 500 ").doesNotContain("Stack");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the slow request open for 15 s", e);
        }
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                answer.write(buffer, 0, read);
            }
        } catch (java.net.SocketException reset) {
            // a reset is the server closing on us too
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    private static Map<TopicPartition, Long> rawEnd() {
        return RawTopic.endOffsets(HostileChecks.bootstrap());
    }

    /** {@code text/plain} without a charset (RestAssured would add ISO-8859-1). */
    private static io.restassured.specification.RequestSpecification undeclared() {
        return given().config(RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false))).contentType("text/plain");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
