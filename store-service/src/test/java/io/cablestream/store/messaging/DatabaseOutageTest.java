package io.cablestream.store.messaging;

import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.TcpProxy;
import io.cablestream.testkit.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * The database goes away under a running store-service and comes back: readiness follows it, the events that
 * arrive meanwhile wait in Kafka (their batch is retried, never skipped) and are stored once it is back.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DatabaseProxyResource.class)
class DatabaseOutageTest {

    /** The management interface's port, where the scraper reads the metrics. */
    @TestHTTPResource(value = "/metrics", management = true) // the management root is /q
    java.net.URL metrics;

    @DatabaseProxyResource.Proxy
    TcpProxy database;

    @Test
    void readinessFollowsTheDatabaseAndEventsWaitingForItAreStoredWhenItIsBack() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200));
        ParsedCableEvents.publish(ParsedCableEvents.cable("09PARIS900", "1.0.0", "BEFORE THE OUTAGE", "PREL"));
        await().atMost(Duration.ofSeconds(30)).until(() -> stored("09PARIS900"));

        database.cut();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(503).body(containsString("DOWN")));
        ParsedCableEvents.publish(ParsedCableEvents.cable("09PARIS901", "1.0.0", "DURING THE OUTAGE", "PREL"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(given().get(metrics).asString()).as("the batch is being retried")
                        .containsPattern("cables_store_retries_total(\\{[^}]*})? [1-9]"));
        assertThat(stored("09PARIS901")).as("stored while the service could not reach the database").isFalse();

        database.restore();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200));
        await().atMost(Duration.ofSeconds(60)).until(() -> stored("09PARIS901"));
        given().get("/api/cables/09PARIS901").then().statusCode(200);
    }

    /** Asks the database directly, not through the proxy the service uses. */
    private static boolean stored(String cableId) throws Exception {
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement select = connection.prepareStatement("SELECT 1 FROM cable WHERE cable_id = ?")) {
            select.setString(1, cableId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
