package io.cablestream.store.rest;

import io.cablestream.events.DeadLetterHeaders;
import io.cablestream.events.ParsedCable;
import io.cablestream.events.Topics;
import io.cablestream.store.support.BigRecords;
import io.cablestream.store.support.DeadLetterAssertions;
import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.store.support.StoreDatabase;
import io.cablestream.store.support.StoreHealth;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * cables.dead-letter is consumed into the dead_letter table: listed with the reason (paged, newest first), one by
 * one with the reason headers, the exact bytes, counted in /api/stats, resolved once a cable of the same content
 * is stored; a record dead-lettered twice upstream, and the store's own dead letters, are stored once.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DeadLettersTest {

    private static final String REASON = "no cable id could be read";

    @BeforeAll
    static void topicsTakeTheDesignsRecordSizes() {
        BigRecords.allowOnTheTopics();
    }

    @Test
    void parseServicesDeadLetterIsListedShownRawCountedAndResolvedByALaterCable() {
        String sha = "a".repeat(63) + "1";
        // a raw cable that is not UTF-8 (a cp1252 pilcrow) and has no id: kept byte for byte
        byte[] value = "UNCLAS\n\u00b61. (U) NO ID HERE.\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        sendDeadLetter(sha, value, REASON + " (NO_CABLE_ID: no id in the text)", Topics.RAW, 2, 17);
        sendDeadLetter(sha, value, REASON + " (NO_CABLE_ID: no id in the text)", Topics.RAW, 2, 17); // redelivered

        long id = await().atMost(Duration.ofSeconds(60)).until(() -> idOf(sha), found -> found > 0);
        JsonPath detail = given().get("/api/dead-letters/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("reason")).isEqualTo(REASON);
        assertThat(detail.getString("reasonDetail")).isEqualTo(REASON + " (NO_CABLE_ID: no id in the text)");
        assertThat(detail.getString("exceptionClass")).isEqualTo("io.cablestream.parse.service.UnparseableCableException");
        assertThat(detail.getString("sourceTopic")).isEqualTo(Topics.RAW);
        assertThat(detail.getInt("sourcePartition")).isEqualTo(2);
        assertThat(detail.getLong("sourceOffset")).isEqualTo(17);
        assertThat(detail.getString("parserVersion")).isEqualTo("1.5.0");
        assertThat(detail.getLong("size")).isEqualTo(value.length);
        assertThat(detail.getString("preview")).contains("NO ID HERE");
        assertThat(detail.getBoolean("resolved")).isFalse();
        assertThat(given().get("/api/dead-letters/" + id + "/raw").then().statusCode(200).extract().asByteArray())
                .isEqualTo(value);
        assertThat(StoreDatabase.count("SELECT count(*) FROM dead_letter WHERE record_key = ?", sha))
                .as("the same source record dead-lettered twice is stored once").isEqualTo(1);

        JsonPath stats = given().get("/api/stats").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getLong("deadLetters.total")).isGreaterThanOrEqualTo(1);
        assertThat(stats.getLong("deadLetters.byReason.'" + REASON + "'")).isGreaterThanOrEqualTo(1);

        // after a parser fix, the replay (parse-service) publishes the cable with the same content hash
        ParsedCable fixed = ParsedCableEvents.cable("10DEADLETTER1", "1.6.0", "NO ID HERE", "PREL");
        ParsedCable.Ingest ingest = fixed.ingest();
        ParsedCableEvents.publish(fixed.withIngest(new ParsedCable.Ingest(ingest.id(), sha, ingest.receivedAt(),
                ingest.source(), ingest.charset())));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/dead-letters/" + id).then().statusCode(200).body("resolved", equalTo(true)));
    }

    @Test
    void listIsPagedNewestFirstAndFilteredByReason() {
        String reason = "paging test reason";
        for (int i = 0; i < 3; i++) {
            sendDeadLetter("paging-" + i, ("value " + i).getBytes(StandardCharsets.UTF_8), reason + ": " + i,
                    Topics.RAW, 0, 1000 + i);
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                StoreDatabase.count("SELECT count(*) FROM dead_letter WHERE reason = ?", reason) == 3);
        JsonPath first = given().queryParam("reason", reason).queryParam("limit", 2).get("/api/dead-letters")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.key")).containsExactly("paging-2", "paging-1");
        assertThat(first.getList("items.preview")).containsExactly("value 2", "value 1");
        JsonPath second = given().queryParam("reason", reason).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/dead-letters")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.key")).containsExactly("paging-0");
        assertThat(second.getString("nextCursor")).isNull();
    }

    /** The store dead-letters to the topic it consumes: each of its dead letters becomes one row, no loop. */
    @Test
    void storesOwnDeadLetterIsStoredOnce() {
        ParsedCableEvents.publishRaw("10DEADLETTER2", "{\"cableId\": \"10DEADLETTER2\"");
        DeadLetterAssertions.assertDeadLettered("10DEADLETTER2", "not a ParsedCable");
        StoreHealth.stillHealthyAndStoresTheNextGoodEvent("10DEADLETTER3");
        assertThat(StoreDatabase.count("SELECT count(*) FROM dead_letter WHERE record_key = '10DEADLETTER2'"))
                .isEqualTo(1);
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("limit", 0).get("/api/dead-letters").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("limit"));
        given().queryParam("cursor", "nope").get("/api/dead-letters").then().statusCode(400)
                .body("parameter", equalTo("cursor"));
        given().queryParam("reason", "x\u0000").get("/api/dead-letters").then().statusCode(400)
                .body("parameter", equalTo("reason"));
        given().get("/api/dead-letters/abc").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/dead-letters/999999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/dead-letters/999999999/raw").then().statusCode(404);
    }

    private static long idOf(String key) {
        var ids = StoreDatabase.strings("SELECT id FROM dead_letter WHERE record_key = ?", key);
        return ids.isEmpty() ? 0 : Long.parseLong(ids.get(0));
    }

    /** A record as SmallRye's dead-letter-queue strategy writes it for parse-service. */
    private static void sendDeadLetter(String key, byte[] value, String reason, String sourceTopic, int partition,
                                       long offset) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.put(DeadLetterHeaders.EXCEPTION_CLASS,
                "io.cablestream.parse.service.UnparseableCableException".getBytes(StandardCharsets.UTF_8));
        headers.put(DeadLetterHeaders.SOURCE_TOPIC, sourceTopic.getBytes(StandardCharsets.UTF_8));
        headers.put(DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(partition).getBytes(StandardCharsets.UTF_8));
        headers.put(DeadLetterHeaders.SOURCE_OFFSET, Long.toString(offset).getBytes(StandardCharsets.UTF_8));
        headers.put(DeadLetterHeaders.PARSER_VERSION, "1.5.0".getBytes(StandardCharsets.UTF_8));
        BigRecords.send(Topics.DEAD_LETTER, key.getBytes(StandardCharsets.UTF_8), value, headers);
    }
}
