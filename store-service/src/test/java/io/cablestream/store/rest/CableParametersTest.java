package io.cablestream.store.rest;

import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Parameters of GET /api/cables that make no sense answer 400 with a problem body naming the parameter. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class CableParametersTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "limit|0", "limit|501", "limit|ten", "limit|-1",
            "sort|subject", "sort|DTG",
            "from|yesterday", "from|2009-13-01", "to|2009-04-07 15:27", "to|'  '",
            "cursor|not-a-cursor", "cursor|MjAwOS0wNC0wN1QxNToyNzowMFo",
            "tag|' '", "origin|' '", "classification|' '", "q|' '"})
    void badParameterIsA400ProblemNamingIt(String parameter, String value) {
        given().queryParam(parameter, value).get("/api/cables").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("parameter", equalTo(parameter))
                .body("detail", containsString(parameter));
    }

    @ParameterizedTest(name = "from={0} to={1}")
    @CsvSource({"2009-04-08,2009-04-07", "2009-04-07T15:28:00Z,2009-04-07T15:27:00Z"})
    void rangeThatEndsBeforeItStartsIsA400(String from, String to) {
        given().queryParam("from", from).queryParam("to", to).get("/api/cables").then()
                .statusCode(400).contentType("application/problem+json").body("parameter", equalTo("to"));
    }

    /**
     * Values PostgreSQL cannot take (a year beyond its range, a NUL) are the caller's mistake: a 400 naming the
     * parameter, never a 500 with a stack. Cursors are base64url of "DTG\ncable id"; values with a control character
     * are quoted, as CsvSource trims unquoted ones.
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "from|+300000-01-01T00:00:00Z", "to|+300000-01-01T00:00:00Z", "from|-5000-01-01T00:00:00Z",
            "from|0000-12-31",
            "cursor|MjAwOS0wNC0wN1QxNToyNzowMFoKAHg", "cursor|KzMwMDAwMC0wMS0wMVQwMDowMDowMFoKMDlQQVJJUzE",
            "q|a\u0000b", "tag|'\u0000'", "origin|'PARIS\u0001'", "classification|'SECRET\u0000'"})
    void valueThePostgresqlCannotTakeIsA400ProblemNamingIt(String parameter, String value) {
        given().queryParam(parameter, value).get("/api/cables").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo(parameter))
                .body(org.hamcrest.Matchers.not(containsString("Stack")));
    }

    @org.junit.jupiter.api.Test
    void cableIdWithANulIsA404Problem() {
        for (String path : new String[]{"/api/cables/09PARIS1%00", "/api/cables/09PARIS1%00/raw",
                "/api/cables/09PARIS1%00/references"}) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().urlEncodingEnabled(false).get("/api/cables/09PARIS1%00/cited-by").then().statusCode(200)
                .body("stored", equalTo(false));
    }

    /** Whatever fails inside (here a test-only endpoint that throws) answers a bare 500 problem, no stack. */
    @org.junit.jupiter.api.Test
    void unexpectedFailureIsA500ProblemWithoutStackOrDetail() {
        String body = given().get("/test/unexpected-failure").then().statusCode(500)
                .contentType("application/problem+json")
                .body("status", equalTo(500))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(body).doesNotContain("Stack").doesNotContain("secret")
                .doesNotContain("IllegalStateException").doesNotContain("at io.");
    }

    /** An empty value, as an HTML form sends for an empty field, is no filter. */
    @org.junit.jupiter.api.Test
    void emptyValueIsNoFilter() {
        given().queryParam("origin", "").get("/api/cables").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"'; DROP TABLE cable; --", "x' OR '1'='1", "PREL') OR true --", "\\'", "%' OR 1=1 --"})
    void sqlInFiltersIsOnlyEverAValue(String hostile) {
        for (String parameter : new String[]{"tag", "origin", "classification"}) {
            given().queryParam(parameter, hostile).get("/api/cables").then()
                    .statusCode(200).body("items.size()", equalTo(0));
        }
        given().queryParam("q", hostile).get("/api/cables").then().statusCode(200);
        given().get("/api/stats").then().statusCode(200);
    }
}
