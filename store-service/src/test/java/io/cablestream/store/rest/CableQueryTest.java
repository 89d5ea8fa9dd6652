package io.cablestream.store.rest;

import io.cablestream.events.ParsedCable;
import io.cablestream.store.support.CorpusCables;
import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.cablestream.store.rest.CorpusExpectations.hasTag;
import static io.cablestream.store.rest.CorpusExpectations.newestFirst;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query API on the ~300 corpus cables, parsed by CableParser and stored through the real consumer: every
 * filter and the pagination against exact expectations computed from the published events, and against the
 * release's metadata where the parser agrees with it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(CorpusTestResource.class)
class CableQueryTest {

    private static boolean published;

    @BeforeEach
    void publishTheCorpusOnce() {
        synchronized (CableQueryTest.class) {
            if (published) {
                return;
            }
            List<ParsedCable> events = CorpusCables.events();
            ParsedCableEvents.publishTo(CorpusTestResource.TOPIC, events);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    count("SELECT count(*) FROM cable") == events.size()
                            && count("SELECT count(*) FROM cable_search_pending") == 0);
            published = true;
        }
    }

    @Test
    void theParsedCorpusIsLargeAndMostlyAgreesWithTheRelease() {
        List<CorpusCables.Cable> cables = CorpusCables.all();
        assertThat(CorpusCables.events()).hasSize(300);
        long ids = cables.stream().filter(c -> c.canonicalId().equals(c.parsed().cableId())).count();
        long classifications = cables.stream().filter(c -> c.classification() != null
                && c.classification().equals(c.parsed().classification())).count();
        long dtgs = cables.stream().filter(CableQueryTest::dtgAgrees).count();
        // the metadata cross-checks below mean something only if the parser mostly agrees with the release
        assertThat(ids).isGreaterThan(150);
        assertThat(classifications).isGreaterThan(150);
        assertThat(dtgs).isGreaterThan(150);
    }

    @Test
    void everyPageOfTheWholeListInBothOrders() {
        assertThat(allPages(Map.of("limit", "7"))).containsExactlyElementsOf(newestFirst(c -> true));
        assertThat(allPages(Map.of("limit", "11", "sort", "dtg")))
                .containsExactlyElementsOf(CorpusExpectations.ids(c -> true, false));
        assertThat(allPages(Map.of("limit", "500"))).containsExactlyElementsOf(newestFirst(c -> true));
    }

    @Test
    void defaultPageIsFiftyNewestFirstAndTheLastPageHasNoCursor() {
        JsonPath first = page(Map.of());
        assertThat(first.getList("items.cableId", String.class))
                .containsExactlyElementsOf(newestFirst(c -> true).subList(0, 50));
        assertThat(first.getString("nextCursor")).isNotBlank();

        int total = CorpusCables.events().size();
        JsonPath exact = page(Map.of("limit", Integer.toString(total)));
        assertThat(exact.getList("items")).hasSize(total);
        assertThat(exact.getMap("$")).doesNotContainKey("nextCursor");
    }

    @Test
    void summariesCarryTheListFields() {
        ParsedCable newest = CorpusCables.events().stream()
                .filter(c -> c.cableId().equals(newestFirst(x -> true).get(0))).findFirst().orElseThrow();
        JsonPath item = page(Map.of("limit", "1"));
        assertThat(item.getString("items[0].cableId")).isEqualTo(newest.cableId());
        assertThat(Instant.parse(item.getString("items[0].dtg"))).isEqualTo(newest.dtg());
        assertThat(item.getString("items[0].classification")).isEqualTo(newest.classification());
        assertThat(item.getString("items[0].origin")).isEqualTo(CorpusExpectations.origin(newest.cableId()));
        assertThat(item.getList("items[0].tags", String.class)).containsExactlyElementsOf(
                newest.tags().stream().map(ParsedCable.Tag::code).toList());
    }

    @Test
    void tagFilterOnTheMostAndLeastUsedTags() {
        Map<String, Long> tagCounts = CorpusCables.events().stream().flatMap(c -> c.tags().stream()
                        .map(ParsedCable.Tag::code).distinct())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        String common = tagCounts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String rare = tagCounts.entrySet().stream().filter(e -> e.getValue() == 2).map(Map.Entry::getKey)
                .sorted().findFirst().orElseThrow();
        for (String tag : List.of(common, rare)) {
            List<String> expected = newestFirst(c -> hasTag(c, tag));
            assertThat(allPages(Map.of("tag", tag, "limit", "9"))).as(tag).containsExactlyElementsOf(expected);
            // the release agrees: every cable it tags so, and the parser too, is in the answer
            assertThat(expected).containsAll(idsWhereReleaseAgrees(c -> c.tags().contains(tag) && hasTag(c.parsed(), tag)));
        }
        assertThat(allPages(Map.of("tag", common.toLowerCase()))).hasSize(tagCounts.get(common).intValue());
        assertThat(allPages(Map.of("tag", "NOSUCHTAG"))).isEmpty();
    }

    @Test
    void originFilter() {
        Map<String, Long> byOrigin = CorpusCables.events().stream()
                .collect(Collectors.groupingBy(c -> CorpusExpectations.origin(c.cableId()), Collectors.counting()));
        String busiest = byOrigin.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(byOrigin.get(busiest)).isGreaterThan(10);
        assertThat(allPages(Map.of("origin", busiest, "limit", "5")))
                .containsExactlyElementsOf(newestFirst(c -> busiest.equals(CorpusExpectations.origin(c.cableId()))));
        assertThat(allPages(Map.of("origin", "Paris"))).containsExactlyElementsOf(
                newestFirst(c -> "PARIS".equals(CorpusExpectations.origin(c.cableId()))))
                .contains("09PARIS1040", "09PARIS997");
    }

    @Test
    void classificationFilterForEveryClassification() {
        List<String> classifications = CorpusCables.events().stream().map(ParsedCable::classification)
                .filter(Objects::nonNull).distinct().sorted().toList();
        assertThat(classifications).contains("CONFIDENTIAL", "SECRET", "UNCLASSIFIED");
        for (String classification : classifications) {
            List<String> expected = newestFirst(c -> classification.equals(c.classification()));
            assertThat(allPages(Map.of("classification", classification, "limit", "50")))
                    .as(classification).containsExactlyElementsOf(expected);
            assertThat(expected).containsAll(idsWhereReleaseAgrees(c -> classification.equals(c.classification())
                    && classification.equals(c.parsed().classification())));
        }
    }

    @Test
    void dtgRangeWithDatesAndInstantsBothEndsInclusive() {
        List<ParsedCable> dated = CorpusCables.events().stream().filter(c -> c.dtg() != null)
                .sorted(Comparator.comparing(ParsedCable::dtg)).toList();
        Instant from = dated.get(dated.size() / 4).dtg();
        Instant to = dated.get(dated.size() / 2).dtg();
        assertThat(allPages(Map.of("from", from.toString(), "to", to.toString(), "limit", "13")))
                .containsExactlyElementsOf(newestFirst(c -> c.dtg() != null && !c.dtg().isBefore(from)
                        && !c.dtg().isAfter(to)))
                .isNotEmpty();

        assertThat(allPages(Map.of("from", "2009-01-01", "to", "2009-12-31")))
                .containsExactlyElementsOf(newestFirst(c -> c.dtg() != null
                        && c.dtg().atZone(ZoneOffset.UTC).getYear() == 2009))
                .containsAll(idsWhereReleaseAgrees(c -> c.created() != null && c.created().startsWith("2009") && dtgAgrees(c)));
        assertThat(allPages(Map.of("to", "2004-12-31", "sort", "dtg")))
                .containsExactlyElementsOf(CorpusExpectations.ids(c -> c.dtg() != null
                        && c.dtg().atZone(ZoneOffset.UTC).getYear() <= 2004, false));
    }

    @Test
    void filtersCombine() {
        String tag = "PREL";
        List<String> expected = newestFirst(c -> hasTag(c, tag) && "CONFIDENTIAL".equals(c.classification())
                && c.dtg() != null && c.dtg().atZone(ZoneOffset.UTC).getYear() >= 2008);
        assertThat(expected).isNotEmpty();
        assertThat(allPages(Map.of("tag", tag, "classification", "CONFIDENTIAL", "from", "2008-01-01",
                "limit", "3"))).containsExactlyElementsOf(expected);
    }

    @Test
    void fullTextSearchesSubjectSummaryAndBody() {
        // VARIG, the Brazilian airline, appears only in the cables that discuss it
        List<String> varig = newestFirst(c -> c.rawText().toUpperCase().matches("(?s).*\\bVARIG\\b.*"));
        assertThat(varig).contains("05BRASILIA1608");
        assertThat(allPages(Map.of("q", "varig"))).containsExactlyElementsOf(varig);
        // stemming: "airlines" finds "airline"
        assertThat(allPages(Map.of("q", "airlines varig"))).contains("05BRASILIA1608");
        assertThat(allPages(Map.of("q", "\"varig board\"", "origin", "BRASILIA"))).contains("05BRASILIA1608");
        assertThat(allPages(Map.of("q", "varig -airline"))).doesNotContain("05BRASILIA1608");
        assertThat(page(Map.of("q", "zzyzxqwv")).getList("items")).isEmpty();
    }

    @Test
    void referencesIncludeCablesNotStoredYet() {
        JsonPath references = given().get("/api/cables/09MONTERREY318/references").then().statusCode(200)
                .extract().jsonPath();
        assertThat(references.getList("items.label")).containsExactly("A", "B");
        assertThat(references.getList("items.cableId")).containsExactly("09MONTERREY274", "09MONTERREY284");
        assertThat(references.getList("items.stored")).containsExactly(false, true);
        assertThat(references.getList("items.text")).containsExactly("MONTERREY 274", "MONTERREY 284");

        JsonPath four = given().get("/api/cables/05BRASILIA1922/references").then().statusCode(200)
                .extract().jsonPath();
        assertThat(four.getList("items.cableId")).containsExactly("04BRASILIA2684", "05BRASILIA1849",
                "05BRASILIA1862", "05BRASILIA1867");
        assertThat(four.getList("items.stored")).containsExactly(false, true, false, false);
        assertThat(four.getString("items[1].subject")).isEqualTo(subjectOf("05BRASILIA1849"));
    }

    @Test
    void citedByFindsTheCitingCablesWhetherOrNotTheCitedOneIsStored() {
        Map<String, String> citedToCiting = Map.of("05PARIS479", "05PARIS3118", "05BRASILIA1566", "05BRASILIA1608",
                "05BRASILIA1849", "05BRASILIA1922", "09MONTERREY284", "09MONTERREY318", "09PARIS997", "09PARIS1040");
        citedToCiting.forEach((cited, citing) -> {
            JsonPath answer = given().get("/api/cables/" + cited + "/cited-by").then().statusCode(200)
                    .extract().jsonPath();
            // the parser reads the REFs of other corpus cables, which may cite the same cable
            assertThat(answer.getList("items.cableId", String.class)).as(cited)
                    .containsExactlyElementsOf(newestFirst(c -> c.references().stream()
                            .anyMatch(r -> cited.equals(r.cableId()))))
                    .contains(citing);
        });
        JsonPath missing = given().get("/api/cables/09MONTERREY274/cited-by").then().statusCode(200)
                .extract().jsonPath();
        assertThat(missing.getBoolean("stored")).isFalse();
        assertThat(missing.getList("items.cableId")).contains("09MONTERREY318");
        assertThat(given().get("/api/cables/09MONTERREY274/cited-by").jsonPath()
                .getList("items.find { it.cableId == '09MONTERREY318' }.labels")).containsExactly("A");
        assertThat(given().get("/api/cables/09MONTERREY284/cited-by").jsonPath().getBoolean("stored")).isTrue();
        assertThat(given().get("/api/cables/99NOWHERE1/cited-by").jsonPath().getList("items")).isEmpty();
        given().get("/api/cables/99NOWHERE1/references").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void tagsCountTheCablesCarryingEachCode() {
        Map<String, Long> expected = CorpusCables.events().stream()
                .flatMap(c -> c.tags().stream().map(t -> t.code() + "/" + kind(t)).distinct())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        JsonPath tags = given().get("/api/tags").then().statusCode(200).extract().jsonPath();
        Map<String, Long> answered = new LinkedHashMap<>();
        List<Map<String, Object>> items = tags.getList("");
        items.forEach(t -> answered.put(t.get("code") + "/" + t.get("kind"), ((Number) t.get("count")).longValue()));
        assertThat(answered).isEqualTo(expected);
        assertThat(items.stream().map(t -> ((Number) t.get("count")).longValue()).toList())
                .as("most used first").isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void statsTotalAndGroupings() {
        List<ParsedCable> events = CorpusCables.events();
        JsonPath stats = given().get("/api/stats").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getLong("total")).isEqualTo(events.size());
        assertThat(longs(stats.getMap("byClassification"))).isEqualTo(counts(events, ParsedCable::classification));
        assertThat(longs(stats.getMap("byYear"))).isEqualTo(counts(events,
                c -> c.dtg() == null ? null : Integer.toString(c.dtg().atZone(ZoneOffset.UTC).getYear())));
        assertThat(longs(stats.getMap("byOrigin"))).isEqualTo(counts(events,
                c -> CorpusExpectations.origin(c.cableId())));
    }

    private static String kind(ParsedCable.Tag tag) {
        return tag.kind() == null ? ParsedCable.TagKind.SUBJECT.name() : tag.kind().name();
    }

    private static Map<String, Long> counts(List<ParsedCable> events, Function<ParsedCable, String> key) {
        return events.stream().collect(Collectors.groupingBy(c -> Objects.requireNonNullElse(key.apply(c), "unknown"),
                Collectors.counting()));
    }

    private static Map<String, Long> longs(Map<String, Object> json) {
        Map<String, Long> values = new java.util.HashMap<>();
        json.forEach((k, v) -> values.put(k, ((Number) v).longValue()));
        return values;
    }

    /** The release's "Created" is when the cable was filed, minutes after its DTG: they share the UTC hour. */
    private static boolean dtgAgrees(CorpusCables.Cable cable) {
        return cable.created() != null && cable.parsed().dtg() != null && LocalDateTime.parse(
                cable.created().replace(' ', 'T')).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS)
                .equals(cable.parsed().dtg().truncatedTo(ChronoUnit.HOURS));
    }

    /** Corpus cables for which the release and the parser agree on what {@code test} checks. */
    private static List<String> idsWhereReleaseAgrees(java.util.function.Predicate<CorpusCables.Cable> test) {
        return CorpusCables.all().stream()
                .filter(test).map(CorpusCables.Cable::canonicalId).toList();
    }

    private static String subjectOf(String id) {
        return CorpusCables.events().stream().filter(c -> c.cableId().equals(id)).findFirst().orElseThrow().subject();
    }

    static JsonPath page(Map<String, String> parameters) {
        return given().queryParams(parameters).get("/api/cables").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    /** Follows nextCursor to the last page; fails on a repeated cable or a page past the end. */
    static List<String> allPages(Map<String, String> parameters) {
        List<String> ids = new ArrayList<>();
        Map<String, String> next = new LinkedHashMap<>(parameters);
        for (int pages = 0; pages < 1000; pages++) {
            JsonPath page = page(next);
            List<String> items = page.getList("items.cableId", String.class);
            ids.addAll(items);
            String cursor = page.getString("nextCursor");
            if (cursor == null) {
                assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
                return ids;
            }
            assertThat(items).as("a page with a nextCursor is full").hasSize(
                    Integer.parseInt(parameters.getOrDefault("limit", "50")));
            next.put("cursor", cursor);
        }
        throw new AssertionError("more than 1000 pages");
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = CorpusTestResource.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
