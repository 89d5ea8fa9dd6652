package io.cablestream.store.support;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** What every hostile-input test checks afterwards: still ready, heap bounded, and the next good event stored. */
public final class StoreHealth {

    /** The test JVM's -Xmx is 768 MB; the store holds nothing of an event once it is stored or dead-lettered. */
    private static final long HEAP_BOUND = 400L * 1024 * 1024;

    private StoreHealth() {
    }

    public static void stillHealthyAndStoresTheNextGoodEvent(String nextId) {
        ParsedCableEvents.publish(ParsedCableEvents.cable(nextId, "1.0.0", "THE NEXT GOOD CABLE", "PREL"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/cables/" + nextId).then().statusCode(200).body("cableId", equalTo(nextId)));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        assertThat(runtime.totalMemory() - runtime.freeMemory()).as("heap in use after GC").isLessThan(HEAP_BOUND);
    }
}
