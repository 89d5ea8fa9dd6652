package io.cablestream.store.security;

import io.cablestream.events.ParsedCable;
import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.store.support.StoreDatabase;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.cablestream.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Portion-marked reads switched on: real SECRET cables whose paragraphs carry their own markings, read by readers
 * below the cable's level, get the subject and the paragraphs within their clearance and only the number and
 * marking of the others.
 */
@QuarkusTest
@TestProfile(PortionReadsTest.PortionReadsOn.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PortionReadsTest {

    public static class PortionReadsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cables.store.portion-reads", "true");
        }
    }

    /** SECRET; SUBJECT (U); paragraphs 1-3 (U), 4 on (S). */
    static final String MIXED = "09STATE34688";
    /** SECRET//NOFORN; paragraphs (C), (C), then (S/NF). */
    static final String NOFORN = "07TRIPOLI945";

    @BeforeAll
    static void store() {
        ParsedCable mixed = ClearanceReadsTest.parsed(MIXED);
        ParsedCable noforn = ClearanceReadsTest.parsed(NOFORN);
        assertThat(mixed.classification()).isEqualTo("SECRET");
        assertThat(mixed.paragraphs()).extracting(ParsedCable.Paragraph::marking).startsWith("U", "U", "U", "S");
        assertThat(noforn.paragraphs()).extracting(ParsedCable.Paragraph::marking).startsWith("C", "C", "S/NF");
        ParsedCableEvents.publish(mixed, noforn);
        await().atMost(Duration.ofSeconds(60)).until(() -> StoreDatabase.count(
                "SELECT count(*) FROM cable WHERE cable_id IN (?, ?)", MIXED, NOFORN) == 2);
    }

    static JsonPath portions(String token, String id) {
        return ClearanceReadsTest.get(token, "/api/cables/" + id + "/portions").statusCode(200).extract().jsonPath();
    }

    @Test
    void aReaderBelowTheCableGetsThePortionsWithinTheClearanceAndTheOthersWithheld() {
        ParsedCable cable = ClearanceReadsTest.parsed(MIXED);
        JsonPath unclassified = portions(TestTokens.reader("UNCLASSIFIED"), MIXED);
        assertThat(unclassified.getBoolean("complete")).isFalse();
        assertThat(unclassified.getString("subject")).isEqualTo(cable.subject());
        List<Map<String, Object>> paragraphs = unclassified.getList("paragraphs");
        assertThat(paragraphs).hasSize(cable.paragraphs().size());
        for (int i = 0; i < paragraphs.size(); i++) {
            ParsedCable.Paragraph p = cable.paragraphs().get(i);
            Map<String, Object> served = paragraphs.get(i);
            assertThat(served.get("number")).isEqualTo(p.number());
            assertThat(served.get("marking")).isEqualTo(p.marking());
            if (p.marking().equals("U")) {
                assertThat(served.get("text")).isEqualTo(cable.text(p));
                assertThat(served.get("withheld")).isEqualTo(false);
            } else {
                assertThat(served).doesNotContainKey("text");
                assertThat(served.get("withheld")).isEqualTo(true);
            }
        }
        // the cable itself stays absent for that reader
        ClearanceReadsTest.get(TestTokens.reader("UNCLASSIFIED"), "/api/cables/" + MIXED).statusCode(404);
        assertThat(portions(TestTokens.reader("SECRET"), MIXED).getBoolean("complete")).isTrue();
    }

    @Test
    void aControlOfAPortionMustBeGrantedAndAnUnmarkedSubjectIsAtTheCablesLevel() {
        JsonPath secret = portions(TestTokens.reader("SECRET"), NOFORN);
        assertThat(secret.getList("paragraphs.withheld", Boolean.class)).startsWith(false, false, true);
        assertThat(secret.getBoolean("subjectWithheld")).as("unmarked: SECRET//NOFORN").isTrue();
        assertThat(secret.getString("subject")).isNull();
        JsonPath noforn = portions(TestTokens.reader("SECRET", "NOFORN"), NOFORN);
        assertThat(noforn.getBoolean("complete")).isTrue();
        assertThat(noforn.getList("paragraphs.withheld", Boolean.class)).containsOnly(false);
    }
}
