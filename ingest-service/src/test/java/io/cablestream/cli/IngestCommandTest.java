package io.cablestream.cli;

import io.cablestream.cli.IngestCommand;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.ingest.support.RawTopic;
import io.cablestream.ingest.support.TestCables.TestCable;
import io.cablestream.ingest.support.TestCables;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.TestTokens;
import io.cablestream.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class IngestCommandTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TestHTTPResource("/")
    URL service;

    @Test
    void folderOfFilesArchivesAndCsvIsIngestedAndTheSummaryMatchesTheBroker(@TempDir Path folder) throws IOException {
        List<TestCable> cables = TestCables.unique(9);
        List<String> expectedKeys = new ArrayList<>();
        for (TestCable cable : cables.subList(0, 4)) {
            Files.write(folder.resolve(cable.name()), cable.bytes());
            expectedKeys.add(cable.sha256());
        }
        Files.write(folder.resolve("copy-of-" + cables.get(0).name()), cables.get(0).bytes());
        Files.write(folder.resolve("empty.txt"), new byte[0]);
        Path nested = Files.createDirectories(folder.resolve("nested"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(nested.resolve("two.zip")))) {
            for (TestCable cable : cables.subList(4, 6)) {
                zip.putNextEntry(new ZipEntry("cables/" + cable.name()));
                zip.write(cable.bytes());
                expectedKeys.add(cable.sha256());
            }
        }
        try (OutputStream file = Files.newOutputStream(nested.resolve("three.tar.gz"));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            for (TestCable cable : cables.subList(6, 9)) {
                TarArchiveEntry entry = new TarArchiveEntry("a/rather/long/folder/name/to/need/the/gnu/long/name/"
                        + "extension/of/tar/" + cable.name());
                entry.setSize(cable.bytes().length);
                tar.putArchiveEntry(entry);
                tar.write(cable.bytes());
                tar.closeArchiveEntry();
                expectedKeys.add(cable.sha256());
            }
        }
        String run = UUID.randomUUID().toString();
        Files.writeString(nested.resolve("cables.csv"),
                "\"1\",\"5/16/2006 16:02\",\"06LISBON1921\",\"Embassy Lisbon\",\"UNCLASSIFIED\",\"\",\"R 061602Z MAY 06 "
                        + run + "\",\"UNCLAS LISBON 001921\n\nSUBJECT: \"\"QUOTED\"\", WITH A COMMA\"\n");
        expectedKeys.add(TestCables.sha256("R 061602Z MAY 06 " + run + "\n\nUNCLAS LISBON 001921\n\nSUBJECT: \"QUOTED\", WITH A COMMA"));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new IngestCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(folder.toString(), "--url", service.toString(), "--token", TestTokens.everything(), "--batch-size", "3");

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("accepted 10, duplicate 1, rejected 1");
        assertThat(out.toString()).contains("empty.txt: the cable is empty").contains("rejected by reason: empty 1");
        List<ConsumerRecord<byte[], byte[]>> records = RawTopic.withKeys(KafkaBroker.shared().bootstrapServers(),
                expectedKeys);
        assertThat(records).extracting(RawTopic::key).containsExactlyInAnyOrderElementsOf(expectedKeys);
        assertThat(records).filteredOn(r -> "06LISBON1921".equals(TopicReader.header(r, "release.id"))).hasSize(1);
    }

    @Test
    void windows1252FileWithoutCharsetIsDecodedAsTheServiceWouldAndFlaggedGuessed(@TempDir Path folder)
            throws IOException {
        String text = "UNCLAS PARIS 000123\n\u00b61. (U) Caf\u00e9 \u2013 \u201cquoted\u201d, 5\u20ac.\n[cli "
                + UUID.randomUUID() + "]\n";
        String utf8Text = "UNCLAS PARIS 000124\n\u00b61. (U) Caf\u00e9 in UTF-8.\n[cli " + UUID.randomUUID() + "]\n";
        Files.write(folder.resolve("paris-1252.txt"), text.getBytes(WINDOWS_1252));
        Files.write(folder.resolve("paris-utf8.txt"), utf8Text.getBytes(StandardCharsets.UTF_8));

        assertThat(ingest(folder.toString())).isEqualTo("accepted 2, duplicate 0, rejected 0");

        ConsumerRecord<byte[], byte[]> guessed = onlyRecord(text);
        assertThat(RawTopic.value(guessed)).isEqualTo(TestCables.normalised(text));
        assertThat(TopicReader.header(guessed, RawCableHeaders.CHARSET)).isEqualTo("windows-1252");
        assertThat(TopicReader.header(guessed, RawCableHeaders.CHARSET_GUESSED)).isEqualTo("true");
        ConsumerRecord<byte[], byte[]> utf8 = onlyRecord(utf8Text);
        assertThat(RawTopic.value(utf8)).isEqualTo(TestCables.normalised(utf8Text));
        assertThat(TopicReader.header(utf8, RawCableHeaders.CHARSET)).isEqualTo("UTF-8");
        assertThat(TopicReader.header(utf8, RawCableHeaders.CHARSET_GUESSED)).isNull();
    }

    @Test
    void declaredCharsetIsUsedForEveryFileAndRecordedAsDeclared(@TempDir Path folder) throws IOException {
        // ISO-8859-15 has the euro sign at 0xA4, where Windows-1252 has the currency sign: only the declared
        // charset gives the right text
        String text = "UNCLAS PARIS 000125\n1. (U) 5\u20ac, \u0152uvre.\n[cli " + UUID.randomUUID() + "]\n";
        Charset latin9 = Charset.forName("ISO-8859-15");
        Files.write(folder.resolve("paris-latin9.txt"), text.getBytes(latin9));
        String csvRun = UUID.randomUUID().toString();
        Files.write(folder.resolve("cables.csv"), ("\"1\",\"5/16/2006 16:02\",\"06PARIS1\",\"Embassy Paris\","
                + "\"UNCLASSIFIED\",\"\",\"R 061602Z MAY 06 " + csvRun + "\",\"UNCLAS PARIS 000001\n\nCO\u00dbT: 5\u20ac\"\n")
                .getBytes(latin9));

        assertThat(ingest(folder.toString(), "--charset", "ISO-8859-15"))
                .isEqualTo("accepted 2, duplicate 0, rejected 0");

        ConsumerRecord<byte[], byte[]> file = onlyRecord(text);
        assertThat(RawTopic.value(file)).isEqualTo(TestCables.normalised(text));
        assertThat(TopicReader.header(file, RawCableHeaders.CHARSET)).isEqualTo("ISO-8859-15");
        assertThat(TopicReader.header(file, RawCableHeaders.CHARSET_GUESSED)).isNull();
        ConsumerRecord<byte[], byte[]> row = onlyRecord("R 061602Z MAY 06 " + csvRun + "\n\nUNCLAS PARIS 000001\n\nCO\u00dbT: 5\u20ac");
        assertThat(RawTopic.value(row)).endsWith("CO\u00dbT: 5\u20ac");
        assertThat(TopicReader.header(row, RawCableHeaders.CHARSET)).isEqualTo("ISO-8859-15");
    }

    /** Runs {@code cables ingest ARGS --url <this service>}; the summary's last line. */
    private String ingest(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", service.toString(), "--token", TestTokens.everything(), "--no-progress"));
        int exit = new CommandLine(new IngestCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        return lines.get(lines.size() - 1);
    }

    private static ConsumerRecord<byte[], byte[]> onlyRecord(String text) {
        List<ConsumerRecord<byte[], byte[]>> records = RawTopic.withKeys(KafkaBroker.shared().bootstrapServers(),
                List.of(TestCables.sha256(text)));
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
