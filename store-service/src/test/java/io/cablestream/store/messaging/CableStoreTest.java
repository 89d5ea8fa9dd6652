package io.cablestream.store.messaging;

import io.cablestream.events.DeadLetterHeaders;
import io.cablestream.events.ParsedCable;
import io.cablestream.events.Topics;
import io.cablestream.parser.CableParser;
import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.store.support.StoreDatabase;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.cablestream.testkit.TestDatabase;
import io.cablestream.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class CableStoreTest {

    @Test
    void storedCableIsServedAsJsonAndRawText() {
        ParsedCableEvents.publish(ParsedCableEvents.cable("09PARIS100", "1.0.0", "FRENCH VIEWS ON IRAN", "PREL", "FR"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/cables/09PARIS100").then().statusCode(200)
                        .body("cableId", equalTo("09PARIS100"))
                        .body("dtg", equalTo("2009-04-07T15:27:00Z"))
                        .body("tags.code", org.hamcrest.Matchers.contains("PREL", "FR")));
        given().get("/api/cables/09PARIS100/raw").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("SUBJECT: FRENCH VIEWS ON IRAN"));
    }

    @Test
    void duplicateCableIsStoredOnce() throws Exception {
        var cable = ParsedCableEvents.cable("09PARIS101", "1.0.0", "SAME TWICE", "PREL");
        ParsedCableEvents.publish(cable, cable);
        ParsedCableEvents.publish(ParsedCableEvents.cable("09PARIS102", "1.0.0", "MARKER", "PREL"));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM cable WHERE cable_id = '09PARIS102'") == 1);

        assertThat(count("SELECT count(*) FROM cable WHERE cable_id = '09PARIS101'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM cable_tag WHERE cable_id = '09PARIS101'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM cable_recipient WHERE cable_id = '09PARIS101'")).isEqualTo(1);
        assertThat(StoreDatabase.writes("09PARIS101")).as("a double of the same version writes nothing").isEqualTo(1);
    }

    @Test
    void newerParserReplacesTheRowAndItsChildrenAndOlderIsIgnored() throws Exception {
        ParsedCableEvents.publish(ParsedCableEvents.cable("09PARIS200", "1.0.0", "FIRST READING", "PREL"));
        await().atMost(Duration.ofSeconds(30)).until(() -> subjectOf("09PARIS200").equals("FIRST READING"));

        assertThat(StoreDatabase.writes("09PARIS200")).isEqualTo(1);

        ParsedCableEvents.publish(ParsedCableEvents.cable("09PARIS200", "1.2.0", "BETTER READING", "PREL", "FR", "IR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> subjectOf("09PARIS200").equals("BETTER READING"));
        assertThat(StoreDatabase.writes("09PARIS200")).as("a newer parser's reading is a second write").isEqualTo(2);
        ParsedCableEvents.publish(ParsedCableEvents.cable("09PARIS200", "1.1.0", "OLDER READING", "PGOV"),
                ParsedCableEvents.cable("09PARIS201", "1.0.0", "MARKER", "PREL"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM cable WHERE cable_id = '09PARIS201'") == 1);

        assertThat(subjectOf("09PARIS200")).isEqualTo("BETTER READING");
        assertThat(strings("SELECT code FROM cable_tag WHERE cable_id = '09PARIS200' ORDER BY position"))
                .containsExactly("PREL", "FR", "IR");
        given().get("/api/cables/09PARIS200").then().body("parserVersion", equalTo("1.2.0"));
        assertThat(StoreDatabase.writes("09PARIS200")).as("an older parser's reading writes nothing").isEqualTo(2);
    }

    @Test
    void poisonEventIsDeadLetteredAndTheRestOfItsBatchIsStored() {
        ParsedCableEvents.publishRaw("poison", "{not json");
        ParsedCableEvents.publish(ParsedCableEvents.cable("09PARIS300", "1.0.0", "AFTER THE POISON", "PREL"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/cables/09PARIS300").then().statusCode(200));
        var dead = TopicReader.readUntil(KafkaBroker.shared().bootstrapServers(), Topics.DEAD_LETTER,
                records -> records.stream().anyMatch(r -> "poison".equals(new String(r.key()))), Duration.ofSeconds(30));
        var poison = dead.stream().filter(r -> "poison".equals(new String(r.key()))).findFirst().orElseThrow();
        assertThat(new String(poison.value())).isEqualTo("{not json");
        assertThat(TopicReader.header(poison, DeadLetterHeaders.REASON)).contains("not a ParsedCable");
        assertThat(TopicReader.header(poison, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.PARSED);
    }

    @Test
    void cableTheDatabaseCannotHoldIsDeadLetteredAloneAndItsBatchIsStored() {
        // PostgreSQL's timestamptz ends in 294276 AD: the database refuses this one event, not its batch
        ParsedCable beyond = ParsedCableEvents.cable("09PARIS402", "1.0.0", "A DTG BEYOND POSTGRESQL", "PREL");
        beyond = beyond.toBuilder().dtg(Instant.parse("+300000-01-01T00:00:00Z")).redactions(0).build();
        ParsedCableEvents.publishTo(Topics.PARSED, List.of(
                ParsedCableEvents.cable("09PARIS401", "1.0.0", "BEFORE THE REFUSED ONE", "PREL"), beyond,
                ParsedCableEvents.cable("09PARIS403", "1.0.0", "AFTER THE REFUSED ONE", "PREL")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/api/cables/09PARIS401").then().statusCode(200);
            given().get("/api/cables/09PARIS403").then().statusCode(200);
        });
        var dead = TopicReader.readUntil(KafkaBroker.shared().bootstrapServers(), Topics.DEAD_LETTER,
                records -> records.stream().anyMatch(r -> "09PARIS402".equals(new String(r.key()))),
                Duration.ofSeconds(30));
        var refused = dead.stream().filter(r -> "09PARIS402".equals(new String(r.key()))).findFirst().orElseThrow();
        assertThat(TopicReader.header(refused, DeadLetterHeaders.REASON)).contains("out of range");
        assertThat(TopicReader.header(refused, DeadLetterHeaders.REASON)).hasSizeLessThan(500);
        assertThat(TopicReader.header(refused, DeadLetterHeaders.EXCEPTION_CLASS))
                .isEqualTo("org.postgresql.util.PSQLException");
        assertThat(TopicReader.header(refused, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.PARSED);
        given().get("/api/cables/09PARIS402").then().statusCode(404);
    }

    /**
     * A real cable with NULs and other controls, parsed by the real CableParser as parse-service does (rawText is
     * the decoded bytes, NULs and all): stored, /raw gives the exact bytes back; the parser read the fields without
     * the NULs (transmission padding, with a NUL_BYTES warning), the stored raw_text has U+FFFD for them.
     */
    @Test
    void cableWithNulAndControlCharactersIsStoredAndItsRawBytesComeBackExactly() throws Exception {
        String text = CableParser.text(getClass().getResourceAsStream("/corpus/cables/09PARIS1040.txt").readAllBytes())
                .replaceFirst("Laurent Bigot", "Laurent\u0000 Bigot\u0000")
                .replaceFirst("FRENCH MFA", "FRE\u0000NCH MFA");
        byte[] raw = text.getBytes(StandardCharsets.UTF_8); // cables.raw holds UTF-8, as ingest re-encodes it
        ParsedCable cable = new CableParser().parse(raw).withIngest(new ParsedCable.Ingest("ingest-nul",
                "sha-of-09PARIS1040-with-nul", Instant.parse("2026-12-01T00:00:00Z"), "nul.txt", "UTF-8"));
        assertThat(cable.rawText()).contains("\u0000");
        ParsedCableEvents.publish(cable);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/cables/09PARIS1040").then().statusCode(200)
                        .body("warnings.code", hasItem("NUL_BYTES"))
                        .body("subject", containsString("FRENCH MFA")));
        byte[] served = given().get("/api/cables/09PARIS1040/raw").then().statusCode(200)
                .extract().asByteArray();
        assertThat(served).isEqualTo(raw);
        assertThat(strings("SELECT raw_text FROM cable WHERE cable_id = '09PARIS1040'").get(0))
                .contains("Laurent\uFFFD Bigot\uFFFD").contains("FRE\uFFFDNCH MFA").doesNotContain("\u0000");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("q", "Bigot").get("/api/cables").then().statusCode(200)
                        .body("items.cableId", hasItem("09PARIS1040")));
    }

    @Test
    void traceIdOfTheEventIsKeptInTheRow() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        ParsedCableEvents.publishWithHeaders(ParsedCableEvents.cable("09PARIS501", "1.0.0", "TRACED", "PREL"),
                java.util.Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(strings("SELECT trace_id FROM cable WHERE cable_id = '09PARIS501'"))
                        .containsExactly(traceId));
    }

    @Test
    void unknownCableIsA404Problem() {
        // the same words as for a cable above the reader's clearance, which must not be told apart from it
        given().get("/api/cables/99NOWHERE1").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("no cable with that id is stored"));
    }

    private static long count(String sql) throws Exception {
        return strings(sql).stream().mapToLong(Long::parseLong).findFirst().orElseThrow();
    }

    private static String subjectOf(String id) throws Exception {
        List<String> subjects = strings("SELECT subject FROM cable WHERE cable_id = '" + id + "'");
        return subjects.isEmpty() ? "" : subjects.get(0);
    }

    private static List<String> strings(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
