package io.cablestream.store.health;

import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Readiness covers the database and Kafka, and follows the broker; the store's meters and the Kafka client's lag are on /q/metrics. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class OperationsTest {

    /** The management interface's port, where the scraper reads the metrics. */
    @TestHTTPResource(value = "/metrics", management = true) // the management root is /q
    java.net.URL metrics;

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.name", hasItems("Database connections health check",
                                "Kafka connection health check")));
    }

    @Test
    void readinessFollowsTheBrokerAndConsumingResumesWhenItIsBack() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200));

        KafkaBroker.shared().whileStopped(() -> {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503));
            given().get("/q/health/live").then().statusCode(200);
        });

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200));
        ParsedCableEvents.publish(ParsedCableEvents.cable("09PARIS950", "1.0.0", "AFTER THE BROKER CAME BACK", "PREL"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/cables/09PARIS950").then().statusCode(200));
    }

    @Test
    void storedCablesBatchesWriteLatencyAndConsumerLagAreMetered() {
        ParsedCableEvents.publish(ParsedCableEvents.cable("09PARIS900", "1.0.0", "METERED", "PREL"));
        ParsedCableEvents.publish(ParsedCableEvents.cable("09PARIS900", "1.0.0", "METERED", "PREL"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get(metrics).then().statusCode(200)
                        .body(containsString("cables_stored_total{outcome=\"inserted\"}"))
                        .body(containsString("cables_stored_total{outcome=\"ignored\"}"))
                        .body(containsString("cables_store_batch_size_count"))
                        .body(containsString("cables_store_write_seconds_count"))
                        .body(containsString("kafka_consumer_fetch_manager_records_lag")));
    }

    @Test
    void openApiDocumentsTheQueryApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/cables"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/cables/{id}/cited-by"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/stats"));
    }
}
