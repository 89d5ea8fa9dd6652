package io.cablestream.parse.hostile;

import io.cablestream.events.CableJson;
import io.cablestream.parse.support.RawRecords;
import io.cablestream.testkit.SampleCables;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What every hostile input must leave behind: a ready service, a bounded heap, and the next cable parsed. */
final class StillServing {

    /**
     * Heap in use after a full collection, at most. The test JVM holds the service, the in-process broker and the
     * test's clients: 129-147 MiB after each test of this suite in these runs (2026-12-02, printed below). One
     * hostile record costs at most ~20 MB while it is parsed (2 MB of bytes, its text, lines and JSON: about ten
     * copies), all garbage once it is acknowledged; 200 MiB leaves room for the broker's caches and still fails
     * when a service keeps a few such records (or per-line copies of a million-character line) after them.
     */
    static final long MAX_USED_HEAP = 200L * 1024 * 1024;

    private static final AtomicInteger NEXT_SAMPLE = new AtomicInteger();

    private StillServing() {
    }

    /** Readiness UP, the heap within {@link #MAX_USED_HEAP}, and a real cable published now is parsed. */
    static void assertStillServing() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("heap in use after a full collection: %d MiB%n", used >> 20);
        assertThat(used).as("heap in use after a full collection").isLessThan(MAX_USED_HEAP);

        var samples = SampleCables.all();
        var good = samples.get(NEXT_SAMPLE.getAndIncrement() % samples.size());
        String ingestId = RawRecords.publish(good.text());
        assertThat(CableJson.fromJson(RawRecords.parsedWithIngestId(ingestId).value()).cableId())
                .isEqualTo(good.canonicalId());
    }
}
