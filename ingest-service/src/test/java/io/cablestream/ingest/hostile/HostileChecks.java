package io.cablestream.ingest.hostile;

import io.cablestream.ingest.support.RawTopic;
import io.cablestream.ingest.support.TestCables;
import io.cablestream.testkit.KafkaBroker;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four checks of every hostile input: the answer (a problem body, or an item's rejection), then that the
 * service is still ready, that its heap is bounded, and that the next good cable is accepted and on cables.raw.
 */
final class HostileChecks {

    /**
     * Live heap after a collection may exceed the first one measured by this much at most. The test JVM is the
     * service (and the broker), run with -Xmx768m; the largest inputs here are 10 to 64 MB, so a service that kept
     * one of them (or the per-request state of a bomb) would be caught, while the service's own caches (the
     * duplicate index, preallocated) and the broker's are in the baseline.
     */
    static final long HEAP_GROWTH_BOUND = 96L * 1024 * 1024;

    private static long baselineHeap = -1;

    private HostileChecks() {
    }

    static String bootstrap() {
        return KafkaBroker.shared().bootstrapServers();
    }

    /** An RFC 9457 body: type, title, status and a detail holding {@code detailPart}. */
    static void assertProblem(Response response, int status, String detailPart) {
        assertProblem(Answer.of(response), status, detailPart);
    }

    static void assertProblem(Answer response, int status, String detailPart) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("about:blank");
        assertThat(response.jsonPath().getString("title")).isNotBlank();
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("detail")).contains(detailPart);
    }

    /** A batch answered 200 whose last item is rejected with {@code reason}; that item's detail. */
    static String assertLastItemRejected(Response response, String reason) {
        return assertLastItemRejected(Answer.of(response), reason);
    }

    static String assertLastItemRejected(Answer response, String reason) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        List<Map<String, String>> items = response.jsonPath().getList("items");
        assertThat(items).isNotEmpty();
        Map<String, String> last = items.get(items.size() - 1);
        assertThat(last).as(response.asString()).containsEntry("status", "rejected").containsEntry("reason", reason);
        assertThat(last.get("detail")).isNotBlank();
        return last.get("detail");
    }

    /** Ready, heap bounded, and a real sample cable accepted (202) and on cables.raw. */
    static void assertServiceStillWell() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        assertThat(given().get("/q/health/ready").jsonPath().getString("status")).isEqualTo("UP");
        assertHeapBounded();
        assertGoodCableAccepted();
    }

    static void assertHeapBounded() {
        long used = usedHeapAfterGc();
        synchronized (HostileChecks.class) {
            if (baselineHeap < 0) {
                baselineHeap = used;
            }
        }
        if (used >= baselineHeap + HEAP_GROWTH_BOUND) {
            used = usedHeapAfterGc(); // once more: a collection may have run while the broker still held a fetch
        }
        assertThat(used).as("live heap after GC, bytes (baseline %d)", baselineHeap)
                .isLessThan(baselineHeap + HEAP_GROWTH_BOUND);
    }

    static void assertGoodCableAccepted() {
        TestCables.TestCable cable = TestCables.unique(1).get(0);
        Map<TopicPartition, Long> before = RawTopic.endOffsets(bootstrap());
        given().contentType("text/plain; charset=UTF-8").header("X-Cable-Source", cable.name())
                .body(cable.bytes()).post("/api/cables")
                .then().statusCode(202);
        assertThat(onRawSince(before, cable.sha256())).hasSize(1);
    }

    /** The records of cables.raw written since {@code before} with that key. */
    static List<ConsumerRecord<byte[], byte[]>> onRawSince(Map<TopicPartition, Long> before, String sha256) {
        return RawTopic.since(bootstrap(), before).stream().filter(r -> sha256.equals(RawTopic.key(r))).toList();
    }

    private static long usedHeapAfterGc() {
        // one full collection (SerialGC in the tests: System.gc() is a full, stop-the-world one)
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
