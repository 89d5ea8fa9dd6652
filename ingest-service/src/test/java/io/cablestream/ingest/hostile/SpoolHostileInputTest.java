package io.cablestream.ingest.hostile;

import io.cablestream.ingest.support.RawTopic;
import io.cablestream.ingest.support.TestCables;
import io.cablestream.ingest.support.TestCables.TestCable;
import io.cablestream.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static io.cablestream.ingest.hostile.HostileChecks.onRawSince;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Hostile files dropped into the spool's inbox/, each against the running service. */
@QuarkusTest
@TestProfile(HostileInputProfile.class)
@WithTestResource(KafkaTestResource.class)
class SpoolHostileInputTest {

    private static final Path INBOX = HostileInputProfile.SPOOL.resolve("inbox");
    private static final Path DONE = HostileInputProfile.SPOOL.resolve("done");
    private static final Path FAILED = HostileInputProfile.SPOOL.resolve("failed");

    @AfterEach
    void serviceIsStillWell() {
        HostileChecks.assertServiceStillWell();
    }

    @Test
    void fileRefusedAsTooLargeGoesToFailedAndDoesNotBlockTheFileAfterIt() throws IOException {
        String run = UUID.randomUUID().toString();
        byte[] euros = new byte[1_000_000]; // 1 MB of Windows-1252 euro signs: 3 MB of UTF-8
        Arrays.fill(euros, (byte) 0x80);
        TestCable good = TestCables.unique(1).get(0);
        Map<TopicPartition, Long> before = RawTopic.endOffsets(HostileChecks.bootstrap());
        // sorted by name: the bad file is first
        Files.write(inbox("a-" + run + ".txt"), euros);
        Files.write(inbox("b-" + run + ".txt"), good.bytes());

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(DONE.resolve("b-" + run + ".txt")));

        assertThat(FAILED.resolve("a-" + run + ".txt")).exists();
        assertThat(Files.readString(FAILED.resolve("a-" + run + ".txt.error")))
                .contains("too-large").contains("cables.ingest.max-record-bytes");
        assertThat(onRawSince(before, good.sha256())).hasSize(1);
    }

    @Test
    void symbolicLinkInTheInboxIsRefusedNotFollowed() throws IOException {
        TestCable secret = TestCables.unique(1).get(0);
        Path outside = Files.write(Files.createTempFile("outside-the-spool-", ".txt"), secret.bytes());
        String name = "link-" + UUID.randomUUID() + ".txt";
        Map<TopicPartition, Long> before = RawTopic.endOffsets(HostileChecks.bootstrap());
        Files.createSymbolicLink(inbox(name), outside);

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(FAILED.resolve(name + ".error")));

        assertThat(Files.readString(FAILED.resolve(name + ".error"))).contains("symbolic link");
        assertThat(outside).exists();
        assertThat(onRawSince(before, secret.sha256())).isEmpty();
    }

    @Test
    void zipBombInTheInboxGoesToFailedWithTheReason() throws IOException {
        String name = "bomb-" + UUID.randomUUID() + ".zip";
        Files.write(inbox(name), Bombs.zipOfZeros("bomb.txt", 64L * 1024 * 1024));

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(FAILED.resolve(name + ".error")));

        assertThat(Files.readString(FAILED.resolve(name + ".error"))).contains("compression-ratio");
    }

    @Test
    void fileThatIsNotTheGzipItsNameSaysGoesToFailed() throws IOException {
        String name = "fake-" + UUID.randomUUID() + ".tar.gz";
        Files.writeString(inbox(name), "not gzip at all");

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(FAILED.resolve(name + ".error")));

        assertThat(Files.readString(FAILED.resolve(name + ".error"))).contains("not gzip");
    }

    private static Path inbox(String name) throws IOException {
        return Files.createDirectories(INBOX).resolve(name);
    }
}
