package io.cablestream.ingest.hostile;

import io.cablestream.events.RawCableHeaders;
import io.cablestream.ingest.support.RawTopic;
import io.cablestream.ingest.support.TestCables;
import io.cablestream.ingest.support.TestCables.TestCable;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.cablestream.ingest.hostile.HostileChecks.assertLastItemRejected;
import static io.cablestream.ingest.hostile.HostileChecks.onRawSince;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile archives and cables.csv bodies to {@code POST /api/cables/batch}, each against the running service. */
@QuarkusTest
@TestProfile(HostileInputProfile.class)
@WithTestResource(KafkaTestResource.class)
class ArchiveHostileInputTest {

    private static final int BOMB_BYTES = 64 * 1024 * 1024;

    @AfterEach
    void serviceIsStillWell() {
        HostileChecks.assertServiceStillWell();
    }

    @Test
    void zipBombIsStoppedByTheCompressionRatioNotInflatedInFull() throws IOException {
        byte[] bomb = Bombs.zipOfZeros("bomb.txt", BOMB_BYTES);
        String detail = assertLastItemRejected(post("application/zip", bomb), "compression-ratio");
        assertThat(detail).contains("cables.ingest.max-compression-ratio");
    }

    @Test
    void zipBombInASkippedFolderIsStoppedToo() throws IOException {
        byte[] bomb = Bombs.zipOfZeros("__MACOSX/._bomb", BOMB_BYTES);
        assertLastItemRejected(post("application/zip", bomb), "compression-ratio");
    }

    @Test
    void gzipBombIsStoppedByTheCompressionRatioNotInflatedInFull() throws IOException {
        byte[] bomb = Bombs.tarGzOfZeros("bomb.txt", BOMB_BYTES);
        assertLastItemRejected(post("application/gzip", bomb), "compression-ratio");
    }

    @Test
    void moreDecompressedBytesThanTheRequestLimitEndTheBatch() throws IOException {
        int entry = 2 * 1024 * 1024; // each too large on its own, and five of them past 8 MiB
        byte[] body = Bombs.tarGzOfLetters((int) (HostileInputProfile.MAX_DECOMPRESSED_BYTES / entry) + 1, entry);
        Response answer = post("application/gzip", body);
        assertThat(assertLastItemRejected(answer, "decompressed-too-large"))
                .contains("cables.ingest.max-decompressed-bytes");
        assertThat(answer.jsonPath().getList("items.reason")).contains("too-large");
    }

    @Test
    void moreEntriesThanTheArchiveLimitEndTheBatch() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i <= HostileInputProfile.MAX_ARCHIVE_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("folder-" + i + "/"));
            }
        }
        assertThat(assertLastItemRejected(post("application/zip", out.toByteArray()), "too-many-entries"))
                .contains("cables.ingest.max-archive-entries");
    }

    @Test
    void storedZipEntryWithADataDescriptorIsRefusedWithoutBufferingIt() {
        // 400 MB: what commons-compress would buffer whole to find the entry's end, and answer 500 for
        Answer answer = Answer.streamed("/api/cables/batch", "application/zip",
                Bombs.zipStoredWithDataDescriptor("stored.txt", 400L * 1024 * 1024));
        assertThat(assertLastItemRejected(answer, "unsupported")).contains("data descriptor");
    }

    @Test
    void pathTraversalNamesAreOnlyLabelsOfTheCable() throws IOException {
        TestCable cable = TestCables.unique(1).get(0);
        Map<TopicPartition, Long> before = RawTopic.endOffsets(HostileChecks.bootstrap());
        Response answer = post("application/zip", Bombs.zip(Map.of("../../etc/passwd", cable.bytes())));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("items[0].status")).isEqualTo("accepted");
        assertThat(TopicReader.header(onRawSince(before, cable.sha256()).get(0), RawCableHeaders.SOURCE))
                .isEqualTo("../../etc/passwd");
    }

    @Test
    void symbolicLinkInAStreamedZipIsNeverFollowed() throws IOException {
        // a streamed zip says an entry is a link only in its central directory, at the end: read as it comes,
        // the entry is the text it stores (the target's name), and the target is never opened
        String target = "/etc/passwd-" + UUID.randomUUID();
        Map<TopicPartition, Long> before = RawTopic.endOffsets(HostileChecks.bootstrap());
        Response answer = post("application/zip", Bombs.zipOfLinks(Map.of("passwd", target)));
        assertThat(answer.statusCode()).isEqualTo(200);
        var records = onRawSince(before, answer.jsonPath().getString("items[0].sha256"));
        assertThat(records).singleElement().satisfies(r -> assertThat(RawTopic.value(r)).isEqualTo(target));
    }

    @Test
    void symbolicAndHardLinksInATarAreRejected() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry link = new TarArchiveEntry("passwd", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("../../etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            TarArchiveEntry hard = new TarArchiveEntry("shadow", TarArchiveEntry.LF_LINK);
            hard.setLinkName("/etc/shadow");
            tar.putArchiveEntry(hard);
            tar.closeArchiveEntry();
        }
        Response answer = post("application/x-tar", out.toByteArray());
        assertThat(answer.jsonPath().getList("items.reason")).containsExactly("not-a-file", "not-a-file");
        assertThat(answer.jsonPath().getString("items[0].detail")).contains("symbolic link to ../../etc/passwd");
    }

    @Test
    void truncatedZipKeepsWhatWasReadAndRejectsTheRest() throws IOException {
        List<TestCable> cables = TestCables.unique(3);
        Map<String, byte[]> files = new LinkedHashMap<>();
        cables.forEach(cable -> files.put(UUID.randomUUID() + ".txt", cable.bytes()));
        byte[] zip = Bombs.zip(files);
        Response answer = post("application/zip", Arrays.copyOf(zip, zip.length * 2 / 3));
        assertLastItemRejected(answer, "unreadable");
        assertThat(answer.jsonPath().getInt("accepted")).isBetween(1, 2);
    }

    @Test
    void truncatedTarGzIsRejectedNotA500() throws IOException {
        byte[] tarGz = Bombs.tarGzOfLetters(3, 100_000);
        Response answer = post("application/gzip", Arrays.copyOf(tarGz, tarGz.length / 2));
        assertLastItemRejected(answer, "unreadable");
    }

    @Test
    void bodyThatIsNotGzipAtAllIsA400Problem() {
        HostileChecks.assertProblem(post("application/gzip", "plain text, no gzip".getBytes()), 400, "not gzip");
    }

    @Test
    void csvWithAnUnterminatedQuoteIsCutAtTheRecordLimitNotReadAsOneField() {
        TestCable good = TestCables.unique(1).get(0);
        StringBuilder csv = new StringBuilder(csvRow(1, "09GOOD1", good.text()));
        csv.append("2,\"2009-01-01\",\"09BROKEN\",\"Embassy\",\"UNCLASSIFIED\",\"\",\"HEADER, never closed\n");
        // rows without quotes: none closes the open one, so a reader without a bound makes them all one field
        String rows = "3,2009-01-01 00:00,09LATER,Embassy,UNCLASSIFIED,,HEADER,UNCLAS later row\n";
        while (csv.length() < 3 * 1024 * 1024) {
            csv.append(rows);
        }
        Response answer = post("text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(assertLastItemRejected(answer, "too-large")).contains("quote left open");
        assertThat(answer.jsonPath().getString("items[0].status")).isEqualTo("accepted");
    }

    @Test
    void sqlAndJsonMetacharactersInEveryCsvColumnArePublishedExactly() {
        String evil = "x'); DROP TABLE cable; -- {\"a\":[1]} \\ ${jndi:x}";
        TestCable cable = TestCables.unique(1).get(0);
        String row = "1,\"2009-01-01 00:00\",\"" + q(evil) + "\",\"" + q(evil) + "\",\"" + q(evil) + "\",\""
                + q(evil) + "\",\"" + q(evil) + "\",\"" + q(cable.text() + evil) + "\"\n";
        Map<TopicPartition, Long> before = RawTopic.endOffsets(HostileChecks.bootstrap());
        Response answer = post("text/csv", row.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.jsonPath().getString("items[0].status")).as(answer.asString()).isEqualTo("accepted");
        String text = evil + "\n\n" + cable.text() + evil;
        var record = onRawSince(before, answer.jsonPath().getString("items[0].sha256")).get(0);
        assertThat(RawTopic.value(record)).isEqualTo(TestCables.normalised(text));
        for (String column : List.of("id", "origin", "classification", "references")) {
            assertThat(TopicReader.header(record, RawCableHeaders.RELEASE_PREFIX + column)).isEqualTo(evil);
        }
        assertThat(TopicReader.header(record, RawCableHeaders.SOURCE)).isEqualTo(evil);
    }

    private static String csvRow(int number, String id, String body) {
        return number + ",\"2009-01-01 00:00\",\"" + id + "\",\"Embassy\",\"UNCLASSIFIED\",\"\",\"HEADER\",\""
                + q(body) + "\"\n";
    }

    private static String q(String field) {
        return field.replace("\"", "\"\"");
    }

    /** Posted as is: without a charset parameter (RestAssured would add ISO-8859-1 to text/csv). */
    private static Response post(String contentType, byte[] body) {
        return given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                        .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).body(body).post("/api/cables/batch");
    }
}
