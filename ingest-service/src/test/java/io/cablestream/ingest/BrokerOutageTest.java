package io.cablestream.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cablestream.ingest.TestCables.TestCable;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    private static String line(TestCable cable) throws IOException {
        return JSON.writeValueAsString(Map.of("text", cable.text(), "source", cable.name())) + "\n";
    }
}
