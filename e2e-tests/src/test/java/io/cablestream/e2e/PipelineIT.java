package io.cablestream.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.cablestream.cli.IngestCommand;
import io.cablestream.events.CableJson;
import io.cablestream.events.DeadLetterHeaders;
import io.cablestream.events.Topics;
import io.cablestream.testkit.CableFeed;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.SampleCables.SampleCable;
import io.cablestream.testkit.SampleCables;
import io.cablestream.testkit.TestDatabase;
import io.cablestream.testkit.TestTokens;
import io.cablestream.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The foundation's promise: a cable posted to ingest-service can be read back from store-service. */
class PipelineIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Pipeline pipeline;

    @BeforeAll
    static void startPipeline() throws IOException {
        pipeline = Pipeline.start();
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void seedCableIsIngestedParsedAndStored() throws Exception {
        assertThat(post(SampleCables.seedCable()).statusCode()).isEqualTo(202);

        JsonNode cable = awaitStored("09USOSCE86");

        assertThat(cable.get("cableId").asText()).isEqualTo("09USOSCE86");
        assertThat(cable.get("dtg").asText()).isEqualTo("2009-04-07T15:27:00Z");
        assertThat(cable.get("classification").asText()).isEqualTo("UNCLASSIFIED//FOR OFFICIAL USE ONLY");
        assertThat(codes(cable.get("tags"))).containsExactly("EAID", "OSCE", "PREL");
        assertThat(cable.get("subject").asText())
                .startsWith("S/CRS AMB HERBST PITCHES RECONSTRUCTION AND STABILIZATION TO OSCE STATES");
        assertThat(get(pipeline.store.baseUrl() + "/api/cables/09USOSCE86/raw").body()).contains("USOSCE 000086");
    }

    @Test
    void sampleCablesAreStoredWithTheReleasesValues() throws Exception {
        List<SampleCable> samples = SampleCables.all();
        for (SampleCable sample : samples) {
            assertThat(post(sample.text()).statusCode()).as(sample.file()).isEqualTo(202);
        }

        for (SampleCable sample : samples) {
            JsonNode cable = awaitStored(sample.canonicalId());
            assertThat(cable.get("classification").asText()).as(sample.file()).isEqualTo(sample.classification());
            // the release's minutes are unreliable; its date and hour are the DTG's
            assertThat(cable.get("dtg").asText().substring(0, 13).replace('T', ' '))
                    .as(sample.file()).isEqualTo(sample.created().substring(0, 13));
            assertThat(codes(cable.get("tags"))).as(sample.file()).containsAll(sample.tags());
        }
    }

    @Test
    void sameCablePostedTwiceIsStoredOnce() throws Exception {
        SampleCable sample = SampleCables.all().get(1);
        assertThat(post(sample.text()).statusCode()).isEqualTo(202);
        HttpResponse<String> again = post(sample.text());
        assertThat(again.body()).contains("\"duplicate\"");
        awaitStored(sample.canonicalId());
        SampleCable marker = SampleCables.all().get(2);
        post(marker.text());
        awaitStored(marker.canonicalId());

        assertThat(writes(sample.canonicalId())).isEqualTo(1);
    }

    /**
     * Two ingest replicas each keep their own duplicate index, so one text can reach cables.raw twice (two records,
     * two ingest ids). By design that is no double anywhere a user looks: both parse to the same cable and parser
     * version, and the store writes a cable only for a newer parser version.
     */
    @Test
    void aTextTwiceOnTheRawTopicIsWrittenOnce() throws Exception {
        SampleCable sample = SampleCables.all().get(3);
        RawTopic.publish(List.of(sample.text(), sample.text()));
        awaitStored(sample.canonicalId());
        // both records were parsed and both events consumed by the store
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(RawTopic::drained);

        assertThat(writes(sample.canonicalId())).isEqualTo(1);
    }

    /** The store's write counter of a cable: 1 once inserted, +1 for each replacement by a newer parser. */
    private static int writes(String cableId) throws Exception {
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement count = connection.prepareStatement("SELECT writes FROM cable WHERE cable_id = ?")) {
            count.setString(1, cableId);
            try (ResultSet rows = count.executeQuery()) {
                assertThat(rows.next()).as(cableId + " is stored").isTrue();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void garbageIsDeadLetteredAndTheNextGoodCableIsStored() throws Exception {
        String garbage = randomText(2048);
        HttpResponse<String> accepted = post(garbage.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String ingestId = CableJson.mapper().readTree(accepted.body()).get("ingestId").asText();
        SampleCable next = SampleCables.all().get(3);
        post(next.text());

        var dead = TopicReader.readUntil(KafkaBroker.shared().bootstrapServers(), Topics.DEAD_LETTER,
                records -> records.stream().anyMatch(r -> ingestId.equals(TopicReader.header(r, "ingestId"))),
                Duration.ofSeconds(60));
        var record = dead.stream().filter(r -> ingestId.equals(TopicReader.header(r, "ingestId"))).findFirst();
        assertThat(record).as("dead letter of ingest %s", ingestId).isPresent();
        assertThat(TopicReader.header(record.get(), DeadLetterHeaders.REASON)).isNotBlank();
        assertThat(awaitStored(next.canonicalId()).get("cableId").asText()).isEqualTo(next.canonicalId());
    }

    @Test
    void traceIdGivenAtIngestIsKeptInTheStoredRow() throws Exception {
        // a cable id no other test stores, so the row is this request's
        byte[] cable = CableFeed.renumbered("09USOSCE86", SampleCables.seedCable(), 4711);
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(
                        URI.create(pipeline.ingest.baseUrl() + "/api/cables"))
                .header("Content-Type", "text/plain")
                .header("Authorization", TestTokens.bearer(TestTokens.everything()))
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .POST(HttpRequest.BodyPublishers.ofByteArray(cable)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);

        awaitStored("09USOSCE4711");
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT trace_id FROM cable WHERE cable_id = '09USOSCE4711'");
             ResultSet row = select.executeQuery()) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).as("trace id of the stored row").isEqualTo(traceId);
        }
    }

    @Test
    void partialExtractsInAFolderOfReleaseFilesAreStoredUnderTheIdsOfTheirNames(@TempDir Path folder) throws Exception {
        // real release files: three partial extracts (station and serial, no year) and two whole cables
        for (String file : List.of("03THEHAGUE1910.txt", "05SANJOSE2019.txt", "05SAOPAULO1076.txt", "06LIMA44.txt",
                "06REYKJAVIK63.txt")) {
            try (InputStream in = PipelineIT.class.getResourceAsStream("/release-files/" + file)) {
                Files.copy(in, folder.resolve(file));
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new IngestCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(folder.toString(), "--url", pipeline.ingest.baseUrl(), "--no-progress",
                        "--token", TestTokens.everything());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("rejected 0");

        List<String> partialExtracts = List.of("03THEHAGUE1910", "05SANJOSE2019", "05SAOPAULO1076");
        for (String id : partialExtracts) {
            JsonNode cable = awaitStored(id);
            assertThat(cable.get("cableId").asText()).isEqualTo(id);
            assertThat(cable.get("ingest").get("source").asText()).endsWith("/" + id + ".txt");
            assertThat(cable.get("warnings").findValuesAsText("code")).contains("CABLE_ID_FROM_SOURCE_NAME");
        }
        assertThat(awaitStored("06LIMA44").get("dtg").asText()).startsWith("2006-01-05T20");
        awaitStored("06REYKJAVIK63");
        var dead = TopicReader.readUntil(KafkaBroker.shared().bootstrapServers(), Topics.DEAD_LETTER, records -> false,
                Duration.ofSeconds(3));
        assertThat(dead).extracting(r -> String.valueOf(TopicReader.header(r, "source")))
                .noneMatch(source -> partialExtracts.stream().anyMatch(source::contains));
    }

    /** Printable noise: ingest accepts it as text, and only the parser can tell it is not a cable. */
    private static String randomText(int length) {
        Random random = new Random(2009);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz0123456789.,;:()/\n";
        return random.ints(length, 0, alphabet.length()).mapToObj(alphabet::charAt).map(String::valueOf)
                .collect(Collectors.joining());
    }

    private static JsonNode awaitStored(String cableId) {
        String url = pipeline.store.baseUrl() + "/api/cables/" + cableId;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(url).statusCode() == 200);
        try {
            return CableJson.mapper().readTree(get(url).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> codes(JsonNode tags) {
        return tags == null ? List.of() : tags.findValuesAsText("code");
    }

    private static HttpResponse<String> post(byte[] cable) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.ingest.baseUrl() + "/api/cables"))
                .header("Content-Type", "text/plain")
                .header("Authorization", TestTokens.bearer(TestTokens.everything()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(cable)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", TestTokens.bearer(TestTokens.everything())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
