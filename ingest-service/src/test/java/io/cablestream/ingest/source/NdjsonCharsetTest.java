package io.cablestream.ingest.source;

import io.cablestream.ingest.support.TestCables;
import io.cablestream.ingest.support.RawTopic;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** NDJSON lines say which charset their text was decoded from, and whether it was guessed. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class NdjsonCharsetTest {

    @Test
    void charsetFieldsOfALineBecomeTheRecordsCharsetHeaders() {
        String run = UUID.randomUUID().toString();
        String guessed = "UNCLAS PARIS 000001\n\u00b61. Caf\u00e9 " + run;
        String declared = "UNCLAS PARIS 000002\n1. \u0152uvre " + run;
        String plain = "UNCLAS PARIS 000003\n1. Plain " + run;
        String body = "{\"text\":\"" + json(guessed) + "\",\"charset\":\"windows-1252\",\"charsetGuessed\":true}\n"
                + "{\"text\":\"" + json(declared) + "\",\"charset\":\"iso-8859-15\"}\n"
                + "{\"text\":\"" + json(plain) + "\"}\n"
                + "{\"text\":\"UNCLAS X " + run + "\",\"charset\":\"no-such-charset\"}\n";

        given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/cables/batch").then().statusCode(200)
                .body("accepted", equalTo(3)).body("rejected", equalTo(1))
                .body("items[3].reason", equalTo("malformed"))
                .body("items[3].detail", containsString("no-such-charset"));

        assertThat(headers(guessed)).containsExactly("windows-1252", "true");
        assertThat(headers(declared)).containsExactly("ISO-8859-15", null);
        assertThat(headers(plain)).containsExactly("UTF-8", null);
    }

    private static List<String> headers(String text) {
        List<ConsumerRecord<byte[], byte[]>> records = RawTopic.withKeys(KafkaBroker.shared().bootstrapServers(),
                List.of(TestCables.sha256(text)));
        assertThat(records).hasSize(1);
        assertThat(RawTopic.value(records.get(0))).isEqualTo(TestCables.normalised(text));
        return java.util.Arrays.asList(TopicReader.header(records.get(0), RawCableHeaders.CHARSET),
                TopicReader.header(records.get(0), RawCableHeaders.CHARSET_GUESSED));
    }

    private static String json(String text) {
        return text.replace("\n", "\\n");
    }
}
