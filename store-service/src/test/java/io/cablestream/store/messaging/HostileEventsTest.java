package io.cablestream.store.messaging;

import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;
import io.cablestream.events.Topics;
import io.cablestream.store.support.BigRecords;
import io.cablestream.store.support.DeadLetterAssertions;
import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.store.support.StoreDatabase;
import io.cablestream.store.support.StoreHealth;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Hostile events on cables.parsed, each against the running store (real broker, real PostgreSQL): stored
 * faithfully, or dead-lettered with a reason that /api/dead-letters then shows; afterwards the service is ready,
 * its heap bounded, and it stores the next good event.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class HostileEventsTest {

    @BeforeAll
    static void topicsTakeTheDesignsRecordSizes() {
        BigRecords.allowOnTheTopics();
    }

    @Test
    void eventThatIsNotJsonIsDeadLetteredWithItsReason() {
        send("hostile-not-json", "<html><script>alert(1)</script>");
        DeadLetterAssertions.assertDeadLettered("hostile-not-json", "not a ParsedCable");
        StoreHealth.stillHealthyAndStoresTheNextGoodEvent("10HOSTILE1");
    }

    @Test
    void jsonNestedTenThousandDeepIsDeadLettered() {
        send("hostile-nested", "{\"cableId\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        DeadLetterAssertions.assertDeadLettered("hostile-nested", "not a ParsedCable");
        StoreHealth.stillHealthyAndStoresTheNextGoodEvent("10HOSTILE2");
    }

    @Test
    void eventWithoutValueIsDeadLettered() {
        BigRecords.send(Topics.PARSED, "hostile-null".getBytes(StandardCharsets.UTF_8), null, Map.of());
        DeadLetterAssertions.assertDeadLettered("hostile-null", "the event has no value");
        StoreHealth.stillHealthyAndStoresTheNextGoodEvent("10HOSTILE3");
    }

    @Test
    void megabyteSubjectIsStoredWhole() {
        String subject = "LONG ".repeat(200_000);
        publish(ParsedCableEvents.cable("10HOSTILE10", "1.0.0", subject, "PREL"));
        await().atMost(Duration.ofSeconds(60)).until(() -> StoreDatabase.writes("10HOSTILE10") == 1);
        assertThat(StoreDatabase.strings("SELECT subject FROM cable WHERE cable_id = '10HOSTILE10'").get(0))
                .isEqualTo(subject);
        StoreHealth.stillHealthyAndStoresTheNextGoodEvent("10HOSTILE4");
    }

    @Test
    void tenThousandRecipientsAreAllStored() {
        ParsedCable base = ParsedCableEvents.cable("10HOSTILE11", "1.0.0", "MANY RECIPIENTS", "PREL");
        List<ParsedCable.Recipient> to = IntStream.range(0, 10_000)
                .mapToObj(i -> new ParsedCable.Recipient("RUEH" + i, "POST " + i, "ROUTINE", Integer.toString(i)))
                .toList();
        publish(with(base, to, base.tags(), base.subject(), base.from()));
        await().atMost(Duration.ofSeconds(60)).until(() -> StoreDatabase.writes("10HOSTILE11") == 1);
        assertThat(StoreDatabase.count("SELECT count(*) FROM cable_recipient WHERE cable_id = '10HOSTILE11'"))
                .isEqualTo(10_000);
        StoreHealth.stillHealthyAndStoresTheNextGoodEvent("10HOSTILE5");
    }

    @Test
    void tenThousandTagsAreAllStored() {
        ParsedCable base = ParsedCableEvents.cable("10HOSTILE12", "1.0.0", "MANY TAGS", "PREL");
        List<ParsedCable.Tag> tags = IntStream.range(0, 10_000)
                .mapToObj(i -> new ParsedCable.Tag("T" + i, ParsedCable.TagKind.SUBJECT)).toList();
        publish(with(base, base.to(), tags, base.subject(), base.from()));
        await().atMost(Duration.ofSeconds(60)).until(() -> StoreDatabase.writes("10HOSTILE12") == 1);
        assertThat(StoreDatabase.count("SELECT count(*) FROM cable_tag WHERE cable_id = '10HOSTILE12'"))
                .isEqualTo(10_000);
        StoreHealth.stillHealthyAndStoresTheNextGoodEvent("10HOSTILE6");
    }

    @Test
    void sqlAndJsonMetacharactersInEveryFieldAreStoredAsText() {
        String hostile = "'; DROP TABLE cable; -- \" } ] \\\\ \\u0041 $$ %s \\N \t\\t E'\\\\x00' ";
        ParsedCable base = ParsedCableEvents.cable("10HOSTILE13", "1.0.0", hostile, "PREL");
        ParsedCable.Recipient recipient = new ParsedCable.Recipient(hostile, hostile, hostile, hostile);
        publish(with(base, List.of(recipient), List.of(new ParsedCable.Tag(hostile, ParsedCable.TagKind.SUBJECT)),
                hostile, hostile));
        await().atMost(Duration.ofSeconds(60)).until(() -> StoreDatabase.writes("10HOSTILE13") == 1);
        JsonPath stored = given().get("/api/cables/10HOSTILE13").then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("subject")).isEqualTo(hostile);
        assertThat(stored.getString("from")).isEqualTo(hostile);
        assertThat(stored.getString("to[0].name")).isEqualTo(hostile);
        assertThat(StoreDatabase.strings("SELECT code FROM cable_tag WHERE cable_id = '10HOSTILE13'"))
                .containsExactly(hostile);
        assertThat(StoreDatabase.strings("SELECT routing || name || precedence || serial FROM cable_recipient"
                + " WHERE cable_id = '10HOSTILE13'")).containsExactly(hostile.repeat(4));
        assertThat(StoreDatabase.count("SELECT count(*) FROM pg_tables WHERE tablename = 'cable'")).isEqualTo(1);
        StoreHealth.stillHealthyAndStoresTheNextGoodEvent("10HOSTILE7");
    }

    /** Today's PostgreSQL refusal (text cannot hold NUL): now U+FFFD in the fields, the raw text kept as bytes. */
    @Test
    void nulEscapedInStringFieldsIsStoredWithReplacementCharacters() {
        ParsedCable base = ParsedCableEvents.cable("10HOSTILE14", "1.0.0", "A NUL \u0000 IN THE SUBJECT", "PR\u0000EL");
        ParsedCable cable = with(base, List.of(new ParsedCable.Recipient("RUEHC", "SEC\u0000STATE", null, null)),
                base.tags(), base.subject(), "AMEMBASSY\u0000PARIS");
        publish(cable);
        await().atMost(Duration.ofSeconds(60)).until(() -> StoreDatabase.writes("10HOSTILE14") == 1);
        given().get("/api/cables/10HOSTILE14").then().statusCode(200)
                .body("subject", equalTo("A NUL \uFFFD IN THE SUBJECT"))
                .body("from", equalTo("AMEMBASSY\uFFFDPARIS"));
        assertThat(StoreDatabase.strings("SELECT code FROM cable_tag WHERE cable_id = '10HOSTILE14'"))
                .containsExactly("PR\uFFFDEL");
        byte[] raw = given().get("/api/cables/10HOSTILE14/raw").then().statusCode(200).extract().asByteArray();
        assertThat(raw).isEqualTo(cable.rawText().getBytes(StandardCharsets.UTF_8));
        StoreHealth.stillHealthyAndStoresTheNextGoodEvent("10HOSTILE8");
    }

    /** The key only chooses the partition; the row is the event's cableId's. */
    @Test
    void keyThatDisagreesWithTheCableIdIsStoredUnderTheCableId() {
        ParsedCable cable = ParsedCableEvents.cable("10HOSTILE15", "1.0.0", "KEYED WRONGLY", "PREL");
        BigRecords.send(Topics.PARSED, "09STATE1".getBytes(StandardCharsets.UTF_8), CableJson.toJsonBytes(cable),
                Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> StoreDatabase.writes("10HOSTILE15") == 1);
        given().get("/api/cables/09STATE1").then().statusCode(404);
        StoreHealth.stillHealthyAndStoresTheNextGoodEvent("10HOSTILE9");
    }

    private static void send(String key, String value) {
        BigRecords.send(Topics.PARSED, key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8),
                Map.of());
    }

    private static void publish(ParsedCable cable) {
        BigRecords.send(Topics.PARSED, cable.cableId().getBytes(StandardCharsets.UTF_8), CableJson.toJsonBytes(cable),
                Map.of());
    }

    private static ParsedCable with(ParsedCable c, List<ParsedCable.Recipient> to, List<ParsedCable.Tag> tags,
                                    String subject, String from) {
        return c.toBuilder().from(from).to(to).tags(tags).subject(subject).build();
    }
}
