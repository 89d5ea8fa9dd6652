package io.cablestream.store.security;

import io.cablestream.events.ParsedCable.Reference;
import io.cablestream.events.ParsedCable.Tag;
import io.cablestream.events.ParsedCable.TagKind;
import io.cablestream.events.ParsedCable;
import io.cablestream.parser.CableParser;
import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.store.support.StoreDatabase;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.cablestream.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Real corpus cables at four levels, read by readers of different clearances through every read endpoint: a cable
 * above the reader's clearance is absent everywhere (404 by id, not listed, not counted, not matched by q, not
 * among the citing cables), while a visible cable's own reference to it stays.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ClearanceReadsTest {

    /** CONFIDENTIAL, cites SECRET and carries the tag below. */
    static final String CONFIDENTIAL = "01VATICAN1261";
    /** SECRET, cites CONFIDENTIAL (so it would be among CONFIDENTIAL's citing cables). */
    static final String SECRET = "04BOGOTA2313";
    static final String SECRET_NOFORN = "04BOGOTA4332";
    static final String UNREADABLE = "06NEWDELHI5135";
    /** A tag only these test cables carry, so that its counts are theirs alone. */
    static final String TAG = "ZZCLEARANCETEST";

    @BeforeAll
    static void storeTheCables() {
        ParsedCable confidential = parsed(CONFIDENTIAL).toBuilder()
                .references(List.of(new Reference("A.", SECRET, "BOGOTA 2313", null)))
                .tags(List.of(new Tag(TAG, TagKind.SUBJECT))).build();
        ParsedCable secret = parsed(SECRET).toBuilder()
                .references(List.of(new Reference("A.", CONFIDENTIAL, "VATICAN 1261", null)))
                .tags(List.of(new Tag(TAG, TagKind.SUBJECT))).build();
        ParsedCable noforn = parsed(SECRET_NOFORN).toBuilder().tags(List.of(new Tag(TAG, TagKind.SUBJECT))).build();
        ParsedCable unreadable = parsed(UNREADABLE).toBuilder().classification(null).caveats(List.of())
                .tags(List.of(new Tag(TAG, TagKind.SUBJECT))).build();
        assertThat(confidential.classification()).isEqualTo("CONFIDENTIAL");
        assertThat(secret.classification()).isEqualTo("SECRET");
        assertThat(noforn.classification()).isEqualTo("SECRET//NOFORN");
        ParsedCableEvents.publish(confidential, secret, noforn, unreadable);
        await().atMost(Duration.ofSeconds(60)).until(() -> StoreDatabase.count(
                "SELECT count(*) FROM cable WHERE cable_id IN (?, ?, ?, ?)", CONFIDENTIAL, SECRET, SECRET_NOFORN,
                UNREADABLE) == 4);
        // the search documents are written in the background
        await().atMost(Duration.ofSeconds(60)).until(() -> StoreDatabase.count(
                "SELECT count(*) FROM cable_search WHERE cable_id IN (?, ?)", CONFIDENTIAL, SECRET) == 2);
    }

    static ParsedCable parsed(String id) {
        try (var in = ClearanceReadsTest.class.getResourceAsStream("/corpus/cables/" + id + ".txt")) {
            return new CableParser().parse(in.readAllBytes(), null, id + ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ValidatableResponse get(String token, String path, Object... query) {
        var request = given().header("Authorization", TestTokens.bearer(token));
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam((String) query[i], query[i + 1]);
        }
        return request.get(path).then();
    }

    @Test
    void aCableAboveTheClearanceIsNotFoundByIdNorItsTextNorItsReferences() {
        String confidential = TestTokens.reader("CONFIDENTIAL");
        get(confidential, "/api/cables/" + CONFIDENTIAL).statusCode(200).body("cableId", equalTo(CONFIDENTIAL));
        for (String path : List.of("", "/raw", "/references")) {
            get(confidential, "/api/cables/" + SECRET + path).statusCode(404)
                    .contentType("application/problem+json");
        }
        get(TestTokens.reader("SECRET"), "/api/cables/" + SECRET).statusCode(200);
        get(TestTokens.reader("SECRET"), "/api/cables/" + SECRET + "/raw").statusCode(200);
    }

    @Test
    void everyControlACableCarriesMustBeGranted() {
        get(TestTokens.reader("SECRET"), "/api/cables/" + SECRET_NOFORN).statusCode(404);
        get(TestTokens.reader("TOP SECRET", "NODIS"), "/api/cables/" + SECRET_NOFORN).statusCode(404);
        get(TestTokens.reader("SECRET", "NOFORN"), "/api/cables/" + SECRET_NOFORN).statusCode(200);
    }

    @Test
    void aCableWhoseClassificationCouldNotBeReadIsForAReaderClearedForEverythingOnly() {
        get(TestTokens.reader("TOP SECRET", "NOFORN", "NODIS", "EXDIS"), "/api/cables/" + UNREADABLE).statusCode(404);
        get(TestTokens.reader("TOP SECRET", "NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS", "ORCON", "NOCONTRACT",
                "PROPIN", "FOUO"), "/api/cables/" + UNREADABLE).statusCode(200);
    }

    @Test
    void theListTheCountsTheTagsAndTheSearchHoldOnlyWhatTheReaderMaySee() {
        String confidential = TestTokens.reader("CONFIDENTIAL");
        assertThat(ids(confidential, TAG)).containsExactly(CONFIDENTIAL);
        assertThat(ids(TestTokens.reader("SECRET", "NOFORN"), TAG)).containsExactlyInAnyOrder(CONFIDENTIAL, SECRET,
                SECRET_NOFORN);
        assertThat(ids(TestTokens.everything(), TAG)).hasSize(4);

        // nothing above CONFIDENTIAL in the whole list, and the counts are those of the list
        List<String> classifications = new ArrayList<>();
        String cursor = null;
        do {
            var page = get(confidential, "/api/cables", "limit", 500, "cursor", cursor == null ? "" : cursor)
                    .statusCode(200).extract().jsonPath();
            classifications.addAll(page.getList("items.classification", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(classifications).isNotEmpty().allSatisfy(c -> assertThat(c).isNotNull()
                .doesNotStartWith("SECRET").doesNotStartWith("TOP SECRET").doesNotContain("NOFORN"));
        var stats = get(confidential, "/api/stats").statusCode(200).extract().jsonPath();
        assertThat(stats.getLong("total")).isEqualTo(classifications.size());
        Map<String, Object> byClassification = stats.getMap("byClassification");
        assertThat(byClassification.keySet()).doesNotContain("SECRET", "SECRET//NOFORN", "unknown");
        assertThat(stats.getLong("deadLetters.total")).isZero();

        List<Map<String, Object>> tags = get(confidential, "/api/tags").statusCode(200).extract().jsonPath()
                .getList("findAll { it.code == '" + TAG + "' }");
        assertThat(tags).singleElement().satisfies(t -> assertThat(((Number) t.get("count")).longValue()).isEqualTo(1));

        // a word of the SECRET cable's text: found for a SECRET reader, not for a CONFIDENTIAL one
        String word = "polygraph";
        assertThat(get(TestTokens.reader("SECRET"), "/api/cables", "q", word, "tag", TAG).statusCode(200)
                .extract().jsonPath().getList("items.cableId", String.class)).contains(SECRET);
        assertThat(get(confidential, "/api/cables", "q", word, "tag", TAG).statusCode(200)
                .extract().jsonPath().getList("items.cableId", String.class)).doesNotContain(SECRET);
    }

    @Test
    void aVisibleCablesReferenceStaysButTheCableAboveTheClearanceIsNotStoredNorCiting() {
        String confidential = TestTokens.reader("CONFIDENTIAL");
        get(confidential, "/api/cables/" + CONFIDENTIAL + "/references").statusCode(200)
                .body("items[0].cableId", equalTo(SECRET))
                .body("items[0].stored", equalTo(false))
                .body("items[0].subject", equalTo(null));
        get(TestTokens.reader("SECRET"), "/api/cables/" + CONFIDENTIAL + "/references").statusCode(200)
                .body("items[0].stored", equalTo(true));

        get(confidential, "/api/cables/" + CONFIDENTIAL + "/cited-by").statusCode(200)
                .body("items.size()", equalTo(0));
        get(TestTokens.reader("SECRET"), "/api/cables/" + CONFIDENTIAL + "/cited-by").statusCode(200)
                .body("items[0].cableId", equalTo(SECRET));
        get(confidential, "/api/cables/" + SECRET + "/cited-by").statusCode(200)
                .body("stored", equalTo(false))
                .body("items[0].cableId", equalTo(CONFIDENTIAL));
    }

    @Test
    void deadLettersAreForAnOperatorClearedForEverything() {
        ParsedCableEvents.publishRaw("clearance-test-dead-letter", "not a parsed cable");
        await().atMost(Duration.ofSeconds(30)).until(() -> StoreDatabase.count(
                "SELECT count(*) FROM dead_letter WHERE record_key = ?", "clearance-test-dead-letter") == 1);
        String operatorSecret = TestTokens.token("operator-secret", java.util.Set.of("operator"),
                io.cablestream.auth.Clearance.of("SECRET", List.of("NOFORN")));
        get(operatorSecret, "/api/dead-letters").statusCode(200).body("items.size()", equalTo(0));
        long id = StoreDatabase.count("SELECT id FROM dead_letter WHERE record_key = ?", "clearance-test-dead-letter");
        get(operatorSecret, "/api/dead-letters/" + id).statusCode(404);
        get(operatorSecret, "/api/dead-letters/" + id + "/raw").statusCode(404);
        get(TestTokens.everything(), "/api/dead-letters/" + id).statusCode(200);
    }

    private static List<String> ids(String token, String tag) {
        return get(token, "/api/cables", "tag", tag).statusCode(200).extract().jsonPath()
                .getList("items.cableId", String.class);
    }
}
