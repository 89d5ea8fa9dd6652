package io.cablestream.ingest.hostile;

import io.cablestream.ingest.messaging.DuplicateIndex;
import io.cablestream.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Many tiny unique cables: the duplicate index keeps at most its capacity, and forgets the oldest. */
@QuarkusTest
@TestProfile(HostileInputProfile.class)
@WithTestResource(KafkaTestResource.class)
class DuplicateIndexBoundTest {

    @Inject
    DuplicateIndex index;

    @Test
    void indexStaysWithinItsCapacityAndAnEvictedTextIsPublishedAgain() {
        String run = UUID.randomUUID().toString();
        int batches = 3 * HostileInputProfile.INDEX_CAPACITY / HostileInputProfile.MAX_BATCH_ITEMS;
        for (int batch = 0; batch < batches; batch++) {
            Response answer = given().contentType("application/x-ndjson").body(tiny(run, batch).getBytes())
                    .post("/api/cables/batch");
            assertThat(answer.jsonPath().getInt("accepted")).isEqualTo(HostileInputProfile.MAX_BATCH_ITEMS);
            assertThat(index.size()).isLessThanOrEqualTo(HostileInputProfile.INDEX_CAPACITY);
        }
        assertThat(index.size()).isEqualTo(HostileInputProfile.INDEX_CAPACITY);

        // beyond the bound the oldest hash is forgotten: the same text is published again (the store absorbs it)
        String first = "UNCLAS " + run + " 0 0";
        given().contentType("text/plain").body(first.getBytes()).post("/api/cables")
                .then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("accepted"));
        // the newest are still known
        String last = "UNCLAS " + run + " " + (batches - 1) + " " + (HostileInputProfile.MAX_BATCH_ITEMS - 1);
        given().contentType("text/plain").body(last.getBytes()).post("/api/cables")
                .then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("duplicate"));
        HostileChecks.assertServiceStillWell();
    }

    private static String tiny(String run, int batch) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < HostileInputProfile.MAX_BATCH_ITEMS; i++) {
            lines.append("{\"text\":\"UNCLAS ").append(run).append(' ').append(batch).append(' ').append(i)
                    .append("\"}\n");
        }
        return lines.toString();
    }
}
