package io.cablestream.ingest;

import io.cablestream.cli.IngestCommand;
import io.cablestream.ingest.TestCables.TestCable;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
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
                .execute(folder.toString(), "--url", service.toString(), "--batch-size", "3");

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("accepted 10, duplicate 1, rejected 1");
        assertThat(out.toString()).contains("empty.txt: the cable is empty").contains("rejected by reason: empty 1");
        List<ConsumerRecord<byte[], byte[]>> records = RawTopic.withKeys(KafkaBroker.shared().bootstrapServers(),
                expectedKeys);
        assertThat(records).extracting(RawTopic::key).containsExactlyInAnyOrderElementsOf(expectedKeys);
        assertThat(records).filteredOn(r -> "06LISBON1921".equals(TopicReader.header(r, "release.id"))).hasSize(1);
    }
}
