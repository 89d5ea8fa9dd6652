package io.cablestream.parse.metrics;

import io.cablestream.parse.support.RawRecords;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.SampleCables;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class OperationsTest {

    /** The management interface's port, where the scraper reads the metrics. */
    @TestHTTPResource(value = "/metrics", management = true) // the management root is /q
    java.net.URL metrics;

    @Test
    void metricsNameThroughputFailuresLatencyAndLag() {
        RawRecords.parsedWithIngestId(RawRecords.publish(SampleCables.all().get(6).text()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(metrics).then().statusCode(200)
                .body(containsString("cables_parsed_total{outcome=\"parsed\""))
                .body(containsString("cables_parse_duration_seconds_bucket"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag")));
    }

    @Test
    void readinessFollowsTheBroker() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

        KafkaBroker.shared().whileStopped(() -> {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503));
            given().get("/q/health/live").then().statusCode(200);
        });

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        RawRecords.parsedWithIngestId(RawRecords.publish(SampleCables.all().get(7).text()));
    }
}
