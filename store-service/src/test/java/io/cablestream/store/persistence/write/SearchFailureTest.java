package io.cablestream.store.persistence.write;

import io.cablestream.store.support.BigRecords;
import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.store.support.StoreDatabase;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/**
 * A cable whose search document PostgreSQL refuses ("string is too long for tsvector": 1.5 MB of distinct words in
 * its subject) is recorded in cable_search_failure and leaves the queue; the cables after it are indexed.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class SearchFailureTest {

    @BeforeAll
    static void topicsTakeTheDesignsRecordSizes() {
        BigRecords.allowOnTheTopics();
    }

    @Test
    void cableThatCannotBeIndexedIsRecordedAndLaterCablesAreSearchable() {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 250_000; i++) {
            words.append(word(i)).append(' ');
        }
        var huge = ParsedCableEvents.cable("10SEARCH1", "1.0.0", words.toString(), "PREL");
        var after = ParsedCableEvents.cable("10SEARCH2", "1.0.0", "INDEXED AFTER QUIXOTICALLY", "PREL");
        BigRecords.send(io.cablestream.events.Topics.PARSED, "10SEARCH1".getBytes(),
                io.cablestream.events.CableJson.toJsonBytes(huge), java.util.Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> StoreDatabase.writes("10SEARCH1") == 1);
        ParsedCableEvents.publish(after);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().queryParam("q", "quixotically").get("/api/cables").then().statusCode(200)
                        .body("items.cableId", hasItem("10SEARCH2")));
        assertThat(StoreDatabase.strings("SELECT reason FROM cable_search_failure WHERE cable_id = '10SEARCH1'"))
                .singleElement().asString().contains("too long for tsvector");
        assertThat(StoreDatabase.count("SELECT count(*) FROM cable_search_pending WHERE cable_id = '10SEARCH1'"))
                .isZero();
    }

    /** A distinct five-letter word per number: aaaaa, aaaab, ... */
    private static String word(int n) {
        char[] w = new char[5];
        for (int k = 4; k >= 0; k--) {
            w[k] = (char) ('a' + n % 26);
            n /= 26;
        }
        return new String(w);
    }
}
