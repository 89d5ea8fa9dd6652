package io.cablestream.store.messaging;

import io.cablestream.events.ParsedCable;
import io.cablestream.events.ParserVersion;
import io.cablestream.parser.CableParser;
import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.store.support.StoreDatabase;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Contract v2 in the store: the body's text once (raw_text), the parsed JSON without copies of it, the paragraph
 * texts rendered for a reader; a v1 row served as it is until a replay with parser 2.x replaces it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ContractV2StoreTest {

    @Test
    void aRealCableIsStoredWithItsTextOnceAndServedWithItsParagraphTexts() throws Exception {
        // under an id of its own: CableStoreTest stores 09PARIS1040 with NULs
        ParsedCable cable = new CableParser().parse(getClass().getResourceAsStream(
                "/corpus/cables/09PARIS1040.txt").readAllBytes()).toBuilder().cableId("09PARIS104002").build();
        assertThat(cable.paragraphs()).hasSizeGreaterThan(3);
        ParsedCableEvents.publish(cable);

        await().atMost(Duration.ofSeconds(30)).until(() -> StoreDatabase.writes("09PARIS104002") == 1);

        List<String> served = given().get("/api/cables/09PARIS104002").then().statusCode(200)
                .extract().jsonPath().getList("paragraphs.text", String.class);
        assertThat(served).containsExactlyElementsOf(cable.paragraphs().stream().map(cable::text).toList());
        assertThat(served.get(0)).startsWith("SUMMARY:  MFA AF Deputy DAS-equivalent Laurent Bigot on July 30");
        assertThat(StoreDatabase.count("SELECT count(*) FROM cable, jsonb_array_elements(parsed->'paragraphs') p"
                + " WHERE cable_id = ? AND p ?? 'text'", "09PARIS104002")).as("no paragraph text in parsed").isZero();
        assertThat(StoreDatabase.strings("SELECT parsed ?? 'rawText' FROM cable WHERE cable_id = ?", "09PARIS104002"))
                .containsExactly("f");
        assertThat(StoreDatabase.strings("SELECT schema_version FROM cable WHERE cable_id = ?", "09PARIS104002"))
                .containsExactly("2");
    }

    @Test
    void aStoredV1RowIsServedAsItIsUntilAReplayWithParser2ReplacesIt() {
        String v1 = """
                {"schemaVersion":1,"parserVersion":"1.5.0","cableId":"09PARIS777","subject":"A V1 ROW",
                 "paragraphs":[{"number":1,"marking":"C","text":"The text v1 copied."}],"ingestId":"ingest-v1"}""";
        StoreDatabase.execute("INSERT INTO cable (cable_id, subject, parser_version, parser_version_order, raw_text,"
                + " parsed) VALUES (?, ?, ?, ?, ?, ?::jsonb)", "09PARIS777", "A V1 ROW", "1.5.0",
                ParserVersion.order("1.5.0"), "1. (C) The text v1 copied.", v1);

        given().get("/api/cables/09PARIS777").then().statusCode(200)
                .body("schemaVersion", equalTo(1))
                .body("paragraphs[0].text", equalTo("The text v1 copied."));

        String raw = "CONFIDENTIAL PARIS 000777\nSUBJECT: A V2 ROW\n\n1. (C) The text of\nthe span.\n";
        ParsedCable replayed = ParsedCableEvents.cable("09PARIS777", CableParser.VERSION, "A V2 ROW", "PREL")
                .toBuilder().rawText(raw)
                .paragraphs(List.of(new ParsedCable.Paragraph(1, "C", raw.indexOf("The text"), raw.length() - 1)))
                .build();
        ParsedCableEvents.publish(replayed);

        await().atMost(Duration.ofSeconds(30)).until(() -> StoreDatabase.writes("09PARIS777") == 2);
        given().get("/api/cables/09PARIS777").then().statusCode(200)
                .body("schemaVersion", equalTo(2))
                .body("paragraphs[0].text", equalTo("The text of the span."));
        assertThat(StoreDatabase.strings("SELECT schema_version FROM cable WHERE cable_id = ?", "09PARIS777"))
                .containsExactly("2");
    }
}
