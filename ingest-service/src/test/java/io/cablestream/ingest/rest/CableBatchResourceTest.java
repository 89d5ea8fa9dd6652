package io.cablestream.ingest.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.ingest.support.RawTopic;
import io.cablestream.ingest.support.TestCables.TestCable;
import io.cablestream.ingest.support.TestCables;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class CableBatchResourceTest {

    /** The management interface's port, where the scraper reads the metrics. */
    @TestHTTPResource(value = "/metrics", management = true) // the management root is /q
    java.net.URL metrics;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ndjsonBatchPublishesEveryGoodLineAndRejectsTheBadOnesAlone() throws IOException {
        List<TestCable> cables = TestCables.unique(3);
        String body = line(cables.get(0)) + line(cables.get(1)) + "{not json\n" + "{\"text\": \"\"}\n"
                + "\n" + line(cables.get(0)) + line(cables.get(2));

        ValidatableResponse report = given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/cables/batch").then().statusCode(200)
                .body("accepted", equalTo(3)).body("duplicate", equalTo(1)).body("rejected", equalTo(2))
                .body("items.status", equalTo(List.of("accepted", "accepted", "rejected", "rejected", "duplicate",
                        "accepted")))
                .body("items[2].reason", equalTo("malformed"))
                .body("items[3].reason", equalTo("empty"));

        assertExactlyPublished(cables);
        assertThat(report.extract().<String>path("items[0].sha256")).isEqualTo(cables.get(0).sha256());
        ConsumerRecord<byte[], byte[]> first = RawTopic.withKeys(bootstrap(), List.of(cables.get(0).sha256())).get(0);
        assertThat(TopicReader.header(first, RawCableHeaders.SOURCE)).isEqualTo(cables.get(0).name());
        assertThat(TopicReader.header(first, RawCableHeaders.INGEST_ID))
                .isEqualTo(report.extract().path("items[0].ingestId"));
    }

    @Test
    void everyCableOfATracedBatchCarriesTheTrace() {
        List<TestCable> cables = TestCables.unique(2);
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        given().contentType("application/x-ndjson").header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .body((line(cables.get(0)) + line(cables.get(1))).getBytes(StandardCharsets.UTF_8))
                .post("/api/cables/batch").then().statusCode(200).body("accepted", equalTo(2));

        List<ConsumerRecord<byte[], byte[]>> records = RawTopic.withKeys(bootstrap(),
                cables.stream().map(TestCable::sha256).toList());
        assertThat(records).hasSize(2).allSatisfy(record ->
                assertThat(TopicReader.header(record, RawCableHeaders.TRACEPARENT)).contains("-" + traceId + "-"));
    }

    @Test
    void multipartFilesAreOneCableEach() {
        List<TestCable> cables = TestCables.unique(3);
        RequestSpecification request = given().contentType("multipart/form-data");
        for (TestCable cable : cables) {
            request = request.multiPart("cable", cable.name(), cable.bytes(), "text/plain");
        }

        request.post("/api/cables/batch").then().statusCode(200)
                .body("accepted", equalTo(3)).body("rejected", equalTo(0))
                .body("items.source", equalTo(cables.stream().map(TestCable::name).toList()));

        assertExactlyPublished(cables);
    }

    @Test
    void zipArchiveIsReadEntryByEntrySkippingFoldersAndHiddenFiles() throws IOException {
        List<TestCable> cables = TestCables.unique(3);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("cables/"));
            for (TestCable cable : cables) {
                out.putNextEntry(new ZipEntry("cables/" + cable.name()));
                out.write(cable.bytes());
            }
            out.putNextEntry(new ZipEntry("cables/.DS_Store"));
            out.write(new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1'});
        }

        given().contentType("application/zip").body(zip.toByteArray()).post("/api/cables/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(3)).body("rejected", equalTo(0))
                .body("items[0].source", equalTo("cables/" + cables.get(0).name()));

        assertExactlyPublished(cables);
    }

    @Test
    void tarGzArchiveIsReadEntryByEntry() throws IOException {
        List<TestCable> cables = TestCables.unique(4);
        ByteArrayOutputStream tarGz = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(tarGz)) {
            gzip.write(tar(cables));
        }

        given().contentType("application/gzip").body(tarGz.toByteArray()).post("/api/cables/batch")
                .then().statusCode(200).body("accepted", equalTo(4));

        assertExactlyPublished(cables);
    }

    /** What {@code cables ingest} sends for files: each entry's bytes as they are, the charset decided here. */
    @Test
    void plainTarIsReadEntryByEntryAndEachFileDecodedByTheServicesRule() throws IOException {
        List<TestCable> cables = TestCables.unique(3);
        String windows1252 = "UNCLAS PARIS 000123\n\u00b61. (U) Caf\u00e9, 5\u20ac.\n[" + UUID.randomUUID() + "]";
        byte[] tar = tar(cables, Map.of("/inbox/paris-1252.txt", windows1252.getBytes(Charset.forName("windows-1252"))));

        tarRequest().body(tar).post("/api/cables/batch")
                .then().statusCode(200).body("accepted", equalTo(4))
                .body("items[0].source", equalTo(cables.get(0).name()))
                .body("items[3].source", equalTo("/inbox/paris-1252.txt"));

        assertExactlyPublished(cables);
        List<ConsumerRecord<byte[], byte[]>> guessed = RawTopic.withKeys(bootstrap(),
                List.of(TestCables.sha256(windows1252)));
        assertThat(guessed).singleElement().satisfies(record -> {
            assertThat(RawTopic.value(record)).isEqualTo(windows1252);
            assertThat(TopicReader.header(record, RawCableHeaders.CHARSET)).isEqualTo("windows-1252");
            assertThat(TopicReader.header(record, RawCableHeaders.CHARSET_GUESSED)).isEqualTo("true");
        });
    }

    @Test
    void plainTarRejectsAnOversizeFileAndATruncatedEndAndKeepsTheRest() throws IOException {
        List<TestCable> cables = TestCables.unique(3);
        Map<String, byte[]> more = new LinkedHashMap<>();
        more.put("big.txt", ("UNCLAS " + "X".repeat(1024 * 1024)).getBytes(StandardCharsets.US_ASCII));
        more.put(cables.get(1).name(), cables.get(1).bytes());
        more.put(cables.get(2).name(), cables.get(2).bytes());
        byte[] whole = tar(cables.subList(0, 1), more);
        // cut inside the last file's bytes: after its header, 100 bytes into its data
        long lastData = 0;
        for (byte[] file : List.of(cables.get(0).bytes(), more.get("big.txt"), cables.get(1).bytes())) {
            lastData += 512 + (file.length + 511) / 512 * 512L;
        }
        byte[] truncated = java.util.Arrays.copyOf(whole, (int) lastData + 512 + 100);

        tarRequest().body(truncated).post("/api/cables/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(2))
                .body("items[1].source", equalTo("big.txt")).body("items[1].reason", equalTo("too-large"))
                .body("items[3].reason", equalTo("unreadable"));

        assertExactlyPublished(cables.subList(0, 2));
        assertThat(RawTopic.withKeys(bootstrap(), List.of(cables.get(2).sha256()))).isEmpty();
    }

    /** RestAssured would add "; charset=ISO-8859-1", which declares that charset for every file of a tar. */
    private static RequestSpecification tarRequest() {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/x-tar");
    }

    private static byte[] tar(List<TestCable> cables) throws IOException {
        return tar(cables, Map.of());
    }

    private static byte[] tar(List<TestCable> cables, Map<String, byte[]> moreFiles) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        cables.forEach(cable -> files.put(cable.name(), cable.bytes()));
        files.putAll(moreFiles);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey(), true);
                entry.setSize(file.getValue().length);
                out.putArchiveEntry(entry);
                out.write(file.getValue());
                out.closeArchiveEntry();
            }
        }
        return tar.toByteArray();
    }

    @Test
    void cablesCsvRowsBecomeCablesWithTheReleaseMetadataInHeaders() {
        String run = UUID.randomUUID().toString();
        String header = "R 061602Z MAY 06\nFM AMEMBASSY LISBON\nTO SECSTATE WASHDC 4906\n" + run;
        String body = "UNCLAS LISBON 001921\n\nSUBJECT: \"QUOTED\" SUBJECT, WITH A COMMA\n\n1. Text.";
        String csv = "\"1\",\"5/16/2006 16:02\",\"06LISBON1921\",\"Embassy Lisbon\",\"UNCLASSIFIED\",\"\",\""
                + header + "\",\"" + body.replace("\"", "\"\"") + "\"\n"
                + "\"2\",\"short row\"\n"
                + "\"3\",\"1/2/2009 10:00\",\"09STATE1\",\"Secretary of State\",\"CONFIDENTIAL\",\"06LISBON1921\",\""
                + "R 021000Z JAN 09 " + run + "\",\"CONFIDENTIAL STATE 000001\n\nE.O. 12958\"\n";

        given().contentType("text/csv").body(csv).post("/api/cables/batch").then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("items[1].reason", equalTo("malformed"))
                .body("items[0].source", equalTo("06LISBON1921"));

        String firstText = header + "\n\n" + body;
        List<ConsumerRecord<byte[], byte[]>> records = RawTopic.withKeys(bootstrap(), List.of(
                TestCables.sha256(firstText), TestCables.sha256("R 021000Z JAN 09 " + run + "\n\nCONFIDENTIAL STATE 000001\n\nE.O. 12958")));
        assertThat(records).hasSize(2);
        ConsumerRecord<byte[], byte[]> lisbon = records.stream()
                .filter(r -> RawTopic.key(r).equals(TestCables.sha256(firstText))).findFirst().orElseThrow();
        assertThat(RawTopic.value(lisbon)).isEqualTo(TestCables.normalised(firstText));
        assertThat(TopicReader.header(lisbon, "release.id")).isEqualTo("06LISBON1921");
        assertThat(TopicReader.header(lisbon, "release.date")).isEqualTo("5/16/2006 16:02");
        assertThat(TopicReader.header(lisbon, "release.origin")).isEqualTo("Embassy Lisbon");
        assertThat(TopicReader.header(lisbon, "release.classification")).isEqualTo("UNCLASSIFIED");
        assertThat(TopicReader.header(lisbon, "release.row")).isEqualTo("1");
        assertThat(TopicReader.header(lisbon, RawCableHeaders.CONTENT_TYPE)).isEqualTo("text/csv");
    }

    @Test
    void wrongMediaTypeIsRefusedWith415AndAProblemBody() {
        given().contentType("application/json").body("[]").post("/api/cables/batch")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void truncatedArchiveKeepsTheCablesReadBeforeAndRejectsTheRest() throws IOException {
        List<TestCable> cables = TestCables.unique(2);
        ByteArrayOutputStream tarGz = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(new GzipCompressorOutputStream(tarGz))) {
            for (TestCable cable : cables) {
                TarArchiveEntry entry = new TarArchiveEntry(cable.name());
                entry.setSize(cable.bytes().length);
                out.putArchiveEntry(entry);
                out.write(cable.bytes());
                out.closeArchiveEntry();
            }
        }
        byte[] whole = tarGz.toByteArray();
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 40);

        given().contentType("application/gzip").body(truncated).post("/api/cables/batch")
                .then().statusCode(200)
                .body("rejected", equalTo(1))
                .body("items[-1].reason", equalTo("unreadable"));
    }

    @Test
    void metricsCountAcceptedDuplicateAndRejectedCablesByReason() {
        List<TestCable> cables = TestCables.unique(1);
        given().contentType("application/x-ndjson")
                .body((line(cables.get(0)) + line(cables.get(0)) + "[]\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/cables/batch").then().statusCode(200);

        given().get(metrics).then().statusCode(200)
                .body(containsString("cables_accepted_total"))
                .body(containsString("cables_duplicates_total"))
                .body(containsString("cables_rejected_total{reason=\"malformed\"}"))
                .body(containsString("cables_accepted_bytes_sum"))
                .body(containsString("cables_publish_latency_seconds_count"));
    }

    private static void assertExactlyPublished(List<TestCable> cables) {
        List<String> keys = cables.stream().map(TestCable::sha256).distinct().toList();
        List<ConsumerRecord<byte[], byte[]>> records = RawTopic.withKeys(bootstrap(), keys);
        assertThat(records.stream().map(RawTopic::key)).containsExactlyInAnyOrderElementsOf(keys);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            TestCable cable = cables.stream().filter(c -> c.sha256().equals(RawTopic.key(record))).findFirst()
                    .orElseThrow();
            assertThat(RawTopic.value(record)).isEqualTo(TestCables.normalised(cable.text()));
            assertThat(TopicReader.header(record, RawCableHeaders.SHA256)).isEqualTo(cable.sha256());
        }
    }

    private static String line(TestCable cable) {
        try {
            return JSON.writeValueAsString(Map.of("text", cable.text(), "source", cable.name())) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bootstrap() {
        return KafkaBroker.shared().bootstrapServers();
    }
}
