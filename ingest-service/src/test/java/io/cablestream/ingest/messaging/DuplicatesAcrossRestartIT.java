package io.cablestream.ingest.messaging;

import io.cablestream.auth.Clearance;
import io.cablestream.auth.Roles;
import io.cablestream.ingest.support.RawTopic;
import io.cablestream.ingest.support.TestCables.TestCable;
import io.cablestream.ingest.support.TestCables;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.ServiceProcess;
import io.cablestream.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The built service, killed and started again: what it published before is still known as a duplicate. */
class DuplicatesAcrossRestartIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path REPO = Path.of(System.getProperty("cables.repo.root", ".."));

    @Test
    void cablePublishedBeforeACrashIsADuplicateAfterTheRestart() throws Exception {
        TestCable cable = TestCables.unique(1).get(0);
        Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.shared().bootstrapServers());
        Path logs = REPO.resolve("ingest-service/target/it-logs");

        try (ServiceProcess first = ServiceProcess.start(REPO, "ingest-service", "256m", environment, logs)) {
            first.awaitReady(Duration.ofSeconds(90));
            HttpResponse<String> accepted = post(first, cable);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            first.kill();
        }
        try (ServiceProcess second = ServiceProcess.start(REPO, "ingest-service", "256m", environment, logs)) {
            second.awaitReady(Duration.ofSeconds(90));
            HttpResponse<String> again = post(second, cable);

            assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
            assertThat(again.body()).contains("\"status\":\"duplicate\"").contains(cable.sha256());
        }
        assertThat(RawTopic.withKeys(KafkaBroker.shared().bootstrapServers(), List.of(cable.sha256()))).hasSize(1);
    }

    private static HttpResponse<String> post(ServiceProcess service, TestCable cable)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/cables"))
                .header("Content-Type", "text/plain")
                .header("Authorization", TestTokens.bearer(TestTokens.token("feeder", Set.of(Roles.INGEST),
                        Clearance.of("UNCLASSIFIED", Set.of()))))
                .POST(HttpRequest.BodyPublishers.ofByteArray(cable.bytes())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
