package io.cablestream.ingest.service;

import io.cablestream.ingest.support.TestCables;
import io.cablestream.ingest.support.RawTopic;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cablestream.ingest.support.TestCables.TestCable;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.cablestream.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@TestProfile(BrokerOutageProfile.class)
class BrokerOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UTF8_TEXT = "text/plain; charset=UTF-8";
    private static final Path INBOX = BrokerOutageProfile.SPOOL.resolve("inbox");

    @Test
    void whileTheBrokerIsDownNothingIsAcceptedAndAfterItIsBackEverythingIsDeliveredOnce() throws IOException {
        List<TestCable> cables = TestCables.unique(4);
        TestCable single = cables.get(0);
        byte[] batch = (line(cables.get(1)) + line(cables.get(2))).getBytes(StandardCharsets.UTF_8);
        TestCable spooled = cables.get(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);

        DedicatedKafkaResource.broker.stopBroker();

        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 503);
        given().contentType(UTF8_TEXT).body(single.bytes()).post("/api/cables")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("status", equalTo(503));
        given().contentType("application/x-ndjson").body(batch).post("/api/cables/batch")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
        Files.write(Files.createDirectories(INBOX).resolve("spooled.txt"), spooled.bytes());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> Files.exists(INBOX.resolve("spooled.txt")));

        DedicatedKafkaResource.broker.restartBroker();

        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().contentType(UTF8_TEXT).body(single.bytes())
                .post("/api/cables").statusCode() == 202);
        given().contentType("application/x-ndjson").body(batch).post("/api/cables/batch")
                .then().statusCode(200).body("accepted", equalTo(2));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(BrokerOutageProfile.SPOOL.resolve("done/spooled.txt")));
        List<String> keys = cables.stream().map(TestCable::sha256).toList();
        assertThat(RawTopic.withKeys(DedicatedKafkaResource.broker.bootstrapServers(), keys))
                .extracting(RawTopic::key).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void aSecondPostWhileTheFirstSendFailsIsNotAnsweredDuplicateAndTheTextIsNotLeftSeen() throws Exception {
        TestCable cable = TestCables.unique(1).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        DedicatedKafkaResource.broker.stopBroker();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = clients.submit(() -> post(cable).statusCode());
            Thread.sleep(300); // the first is waiting for its acknowledgement (delivery.timeout.ms 3 s)
            Future<io.restassured.response.Response> second = clients.submit(() -> post(cable));

            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(503);
            io.restassured.response.Response answer = second.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).isNotNull();
        } finally {
            clients.shutdownNow();
            DedicatedKafkaResource.broker.restartBroker();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        // neither failed send left the text marked as seen: it is accepted now, and once
        await().atMost(Duration.ofSeconds(60)).until(() -> post(cable).statusCode() == 202);
        assertThat(RawTopic.withKeys(DedicatedKafkaResource.broker.bootstrapServers(), List.of(cable.sha256())))
                .hasSize(1);
    }

    @Test
    void aRecordTheBrokerRefusesAsTooLargeIs413AndItsSpoolFileGoesToFailedWithoutBlockingTheNext()
            throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        // the topic's own limit below the service's cables.ingest.max-record-bytes: the broker answers
        // RecordTooLargeException, which no retry can fix
        setRawTopicMaxMessageBytes("50000");
        try {
            List<TestCable> cables = TestCables.unique(3);
            String big = cables.get(0).text() + "x".repeat(100_000);
            io.restassured.response.Response refused = given().contentType(UTF8_TEXT)
                    .body(big.getBytes(StandardCharsets.UTF_8)).post("/api/cables");
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(413);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("detail")).contains("broker refused");
            assertThat(refused.header("Retry-After")).isNull();

            Files.writeString(Files.createDirectories(INBOX).resolve("a-too-large.txt"), big);
            Files.write(INBOX.resolve("b-fine.txt"), cables.get(1).bytes());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.exists(BrokerOutageProfile.SPOOL.resolve("done/b-fine.txt")));
            assertThat(Files.readString(BrokerOutageProfile.SPOOL.resolve("failed/a-too-large.txt.error")))
                    .contains("too-large").contains("broker refused");
            // the refused text was not left marked as seen
            post(cables.get(2)).then().statusCode(202);
            assertThat(RawTopic.withKeys(DedicatedKafkaResource.broker.bootstrapServers(),
                    List.of(TestCables.sha256(big)))).isEmpty();
        } finally {
            setRawTopicMaxMessageBytes(null);
        }
    }

    private static void setRawTopicMaxMessageBytes(String value) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW);
        AlterConfigOp op = value == null
                ? new AlterConfigOp(new ConfigEntry("max.message.bytes", ""), AlterConfigOp.OpType.DELETE)
                : new AlterConfigOp(new ConfigEntry("max.message.bytes", value), AlterConfigOp.OpType.SET);
        try (Admin admin = DedicatedKafkaResource.broker.admin()) {
            admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static io.restassured.response.Response post(TestCable cable) {
        return given().contentType(UTF8_TEXT).body(cable.bytes()).post("/api/cables");
    }

    private static String line(TestCable cable) throws IOException {
        return JSON.writeValueAsString(Map.of("text", cable.text(), "source", cable.name())) + "\n";
    }
}
