package io.cablestream.store.support;

import io.cablestream.events.Topics;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Assertions on what /api/dead-letters lists. */
public final class DeadLetterAssertions {

    private DeadLetterAssertions() {
    }

    /** The dead letter of {@code key} is listed at /api/dead-letters with a reason starting so. */
    public static void assertDeadLettered(String key, String reason) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath page = given().queryParam("limit", 500).get("/api/dead-letters").then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> mine = page.<Map<String, Object>>getList("items").stream()
                    .filter(item -> key.equals(item.get("key"))).toList();
            assertThat(mine).hasSize(1);
            assertThat((String) mine.get(0).get("reason")).startsWith(reason);
            assertThat(mine.get(0).get("sourceTopic")).isEqualTo(Topics.PARSED);
        });
    }
}
