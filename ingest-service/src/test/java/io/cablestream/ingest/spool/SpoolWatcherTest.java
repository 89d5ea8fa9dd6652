package io.cablestream.ingest.spool;

import io.cablestream.ingest.support.TestCables;
import io.cablestream.ingest.support.RawTopic;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.ingest.support.TestCables.TestCable;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@TestProfile(SpoolProfile.class)
@WithTestResource(KafkaTestResource.class)
class SpoolWatcherTest {

    private static final Path INBOX = SpoolProfile.ROOT.resolve("inbox");
    private static final Path DONE = SpoolProfile.ROOT.resolve("done");
    private static final Path FAILED = SpoolProfile.ROOT.resolve("failed");

    @Test
    void cableFileRenamedFromPartIsPublishedAndMovedToDone() throws IOException {
        TestCable cable = TestCables.unique(1).get(0);
        Path part = Files.write(inbox("08LONDON797.txt.part"), cable.bytes());
        Files.move(part, INBOX.resolve("08LONDON797.txt"));

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(DONE.resolve("08LONDON797.txt")));

        assertThat(INBOX.resolve("08LONDON797.txt")).doesNotExist();
        List<ConsumerRecord<byte[], byte[]>> records = RawTopic.withKeys(bootstrap(), List.of(cable.sha256()));
        assertThat(records).hasSize(1);
        assertThat(TopicReader.header(records.get(0), RawCableHeaders.SOURCE)).isEqualTo("08LONDON797.txt");
    }

    @Test
    void zipFileInTheInboxIsPublishedWholeThenMovedToDone() throws IOException {
        List<TestCable> cables = TestCables.unique(3);
        try (OutputStream file = Files.newOutputStream(inbox("drop.zip"));
             ZipOutputStream zip = new ZipOutputStream(file)) {
            for (TestCable cable : cables) {
                zip.putNextEntry(new ZipEntry(cable.name()));
                zip.write(cable.bytes());
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(DONE.resolve("drop.zip")));

        assertThat(RawTopic.withKeys(bootstrap(), cables.stream().map(TestCable::sha256).toList()))
                .extracting(RawTopic::key)
                .containsExactlyInAnyOrderElementsOf(cables.stream().map(TestCable::sha256).toList());
    }

    @Test
    void partFileIsLeftAloneWhileItIsBeingWritten() throws IOException {
        Path part = Files.write(inbox("slow.txt.part"), TestCables.unique(1).get(0).bytes());

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> Files.exists(part));

        assertThat(DONE.resolve("slow.txt.part")).doesNotExist();
        Files.delete(part);
    }

    @Test
    void rejectedCableIsMovedToFailedWithAnErrorFileSayingWhy() throws IOException {
        Files.write(inbox("blank.txt"), "   \n\n".getBytes());

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(FAILED.resolve("blank.txt.error")));

        assertThat(FAILED.resolve("blank.txt")).exists();
        assertThat(Files.readString(FAILED.resolve("blank.txt.error"))).contains("white space");
        assertThat(INBOX.resolve("blank.txt")).doesNotExist();
    }

    @Test
    void sameCableDroppedTwiceIsPublishedOnceAndBothFilesAreDone() throws IOException {
        TestCable cable = TestCables.unique(1).get(0);
        Files.write(inbox("first.txt"), cable.bytes());
        Files.write(inbox("second.txt"), cable.bytes());

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(DONE.resolve("first.txt"))
                && Files.exists(DONE.resolve("second.txt")));

        assertThat(RawTopic.withKeys(bootstrap(), List.of(cable.sha256()))).hasSize(1);
    }

    private static Path inbox(String name) throws IOException {
        // the watcher creates inbox/ on its first scan; a test may run before that scan
        return Files.createDirectories(INBOX).resolve(name);
    }

    private static String bootstrap() {
        return KafkaBroker.shared().bootstrapServers();
    }
}
