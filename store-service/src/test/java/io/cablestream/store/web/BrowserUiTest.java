package io.cablestream.store.web;

import io.cablestream.events.ParsedCable;
import io.cablestream.events.ParsedCable.Reference;
import io.cablestream.events.ParsedCable.Tag;
import io.cablestream.events.ParsedCable.TagKind;
import io.cablestream.parser.CableParser;
import io.cablestream.store.support.HeadlessChromium;
import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.store.support.StoreDatabase;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.cablestream.testkit.SampleCables;
import io.cablestream.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.cablestream.auth.Clearance;
import io.cablestream.auth.Roles;
import io.cablestream.testkit.PlainHttp;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The browser UI in headless chromium against the real store (broker, PostgreSQL): the 24 sample cables, with
 * references among them, read by a reader cleared to CONFIDENTIAL, who signs in, searches, opens a cable, follows
 * a reference, sees the graph and the charts drawn, and never meets a SECRET cable. Screenshots of each page go to
 * target/screenshots/.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserUiTest {

    /** CONFIDENTIAL; cites UNCLASSIFIED and SECRET, cited by CONFIDENTIAL and SECRET. */
    static final String CONFIDENTIAL = "09NEWDELHI877";
    static final String CITING_CONFIDENTIAL = "08MANAMA234";
    /** UNCLASSIFIED; cites another CONFIDENTIAL one: the graph's second step. */
    static final String UNCLASSIFIED = "09CAIRO1208";
    static final String TWO_STEPS = "06MADRID2809";
    static final String SECRET = "09ASUNCION259";
    /** A tag only these cables carry, so that the search's counts are theirs alone whatever else is stored. */
    static final String TAG = "ZZBROWSERTEST";
    /** The sample cables a CONFIDENTIAL reader without controls may read (no SECRET, no NOFORN, no FOUO). */
    static final List<String> READABLE = List.of("09NEWDELHI877", "08MANAMA234", "09SANAA1632", "06MADRID2809",
            "06SANJOSE1162", "09CAIRO1208", "08MADRID724", "06SANJOSE777");

    static final List<String> ABOVE = new ArrayList<>();
    /** Made before the first request: it also writes the key pair the service verifies tokens with. */
    static String confidentialReader;
    static ChromeDriver browser;
    static WebDriverWait wait;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void storeTheSamplesAndStartTheBrowser() {
        confidentialReader = TestTokens.reader("CONFIDENTIAL");
        List<ParsedCable> cables = new ArrayList<>();
        for (SampleCables.SampleCable sample : SampleCables.all()) {
            ParsedCable parsed = new CableParser().parse(sample.text(), null, sample.file());
            List<Tag> tags = new ArrayList<>(parsed.tags());
            tags.add(new Tag(TAG, TagKind.SUBJECT));
            List<Reference> references = new ArrayList<>(switch (sample.canonicalId()) {
                case CONFIDENTIAL -> List.of(reference("A.", UNCLASSIFIED), reference("B.", SECRET));
                case UNCLASSIFIED -> List.of(reference("A.", TWO_STEPS));
                case CITING_CONFIDENTIAL, SECRET -> List.of(reference("A.", CONFIDENTIAL));
                default -> List.<Reference>of();
            });
            references.addAll(parsed.references());
            cables.add(parsed.toBuilder().tags(tags).references(references).build());
            if (!READABLE.contains(sample.canonicalId())) {
                ABOVE.add(sample.canonicalId());
            }
        }
        assertThat(cables).hasSize(24);
        assertThat(ABOVE).contains(SECRET).hasSize(16);
        assertThat(cables).filteredOn(c -> c.cableId().equals(SECRET)).singleElement()
                .satisfies(c -> assertThat(c.classification()).isEqualTo("SECRET"));
        ParsedCableEvents.publish(cables.toArray(ParsedCable[]::new));
        await().atMost(Duration.ofSeconds(90)).until(() -> StoreDatabase.count(
                "SELECT count(*) FROM cable_tag WHERE code = ?", TAG) == 24);
        await().atMost(Duration.ofSeconds(90)).until(() -> StoreDatabase.count(
                "SELECT count(*) FROM cable_search s JOIN cable_tag t ON t.cable_id = s.cable_id WHERE t.code = ?",
                TAG) == 24);
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private static Reference reference(String label, String cableId) {
        return new Reference(label, cableId, cableId.substring(2));
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void aPageAsksToSignInAndTheTokenIsKeptInAnHttpOnlyCookie() {
        browser.get(url("/ui/cables?tag=" + TAG));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        HeadlessChromium.screenshot(browser, "01-sign-in");

        browser.findElement(By.id("token")).sendKeys("not a token");
        browser.findElement(By.id("sign-in")).click();
        // a click returns before the next page has loaded: wait for it
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-error"))).getText())
                .contains("not valid");

        browser.findElement(By.id("token")).sendKeys(confidentialReader);
        browser.findElement(By.id("sign-in")).click();
        // back to the page asked for, signed in
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        assertThat(browser.getCurrentUrl()).endsWith("/ui/cables?tag=" + TAG);
        assertThat(browser.findElement(By.id("viewer")).getText()).contains("CONFIDENTIAL");
        var cookie = browser.manage().getCookieNamed(SessionCookie.NAME);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/ui");
        assertThat((Object) browser.executeScript("return document.cookie")).isEqualTo("");
    }

    @Test
    @Order(2)
    void theSearchCountsAndListsOnlyTheCablesTheReaderMayRead() {
        browser.get(url("/ui/cables"));
        WebElement tag = browser.findElement(By.name("tag"));
        tag.clear();
        tag.sendKeys(TAG);
        browser.findElement(By.id("search")).click();
        loaded("tag=" + TAG);
        assertThat(browser.findElement(By.id("count")).getText()).startsWith(READABLE.size() + " cables match");
        assertThat(links("cable-link")).containsExactlyInAnyOrderElementsOf(READABLE);
        assertNoCableAbove(browser.getPageSource());
        HeadlessChromium.screenshot(browser, "02-search");

        // every filter is in the URL: a shared link gives the same page; a page of 3 links to the next
        browser.get(url("/ui/cables?tag=" + TAG + "&sort=dtg&limit=3"));
        assertThat(links("cable-link")).hasSize(3).first().isEqualTo("06SANJOSE777");
        assertThat(browser.findElement(By.id("count")).getText()).contains(READABLE.size() + " cables match, 3 on this page");
        browser.findElement(By.id("next-page")).click();
        loaded("cursor=");
        assertThat(links("cable-link")).hasSize(3).doesNotContain("06SANJOSE777");

        // full text: a word of the CONFIDENTIAL cable finds it, one of the SECRET cable's subject finds nothing
        browser.get(url("/ui/cables?tag=" + TAG + "&q=Puri"));
        assertThat(links("cable-link")).containsExactly(CONFIDENTIAL);
        browser.get(url("/ui/cables?tag=" + TAG + "&q=Lugo"));
        assertThat(links("cable-link")).isEmpty();
        assertThat(browser.findElement(By.id("count")).getText()).startsWith("0 cables match");
    }

    @Test
    @Order(3)
    void theCablePageShowsTheMarkingsTheReferencesAndTheRawTextOnDemand() {
        browser.get(url("/ui/cables?tag=" + TAG));
        browser.findElement(By.linkText(CONFIDENTIAL)).click();
        loaded("/ui/cables/" + CONFIDENTIAL);
        for (String banner : List.of("banner-top", "banner-bottom")) {
            WebElement element = browser.findElement(By.id(banner));
            assertThat(element.getText()).isEqualTo("CONFIDENTIAL");
            assertThat(element.getCssValue("background-color")).isEqualTo("rgba(0, 51, 160, 1)");
        }
        assertThat(browser.findElement(By.id("subject")).getText()).contains("HARDEEP SINGH PURI");
        assertThat(browser.findElement(By.id("tags")).findElements(By.tagName("a"))).extracting(WebElement::getText)
                .contains("PREL", TAG);
        assertThat(browser.findElements(By.cssSelector("#paragraphs .portion .marking"))).isNotEmpty()
                .first().satisfies(marking -> assertThat(marking.getText()).isEqualTo("(C)"));
        assertThat(links("reference-link")).containsExactly(UNCLASSIFIED);
        assertThat(browser.findElement(By.id("references")).getText()).contains("(not available)");
        assertThat(links("citing-link")).containsExactly(CITING_CONFIDENTIAL);
        assertNoCableAbove(browser.getPageSource());

        HeadlessChromium.screenshot(browser, "03-cable");
        browser.findElement(By.id("show-raw")).click();
        WebElement raw = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("raw-text")));
        assertThat(raw.getText()).contains("HARDEEP SINGH PURI");

        // following a reference opens the cited cable, green
        browser.findElement(By.className("reference-link")).click();
        loaded("/ui/cables/" + UNCLASSIFIED);
        assertThat(browser.findElement(By.id("banner-top")).getText()).isEqualTo("UNCLASSIFIED");
        assertThat(browser.findElement(By.id("banner-top")).getCssValue("background-color"))
                .isEqualTo("rgba(0, 122, 51, 1)");
        assertThat(links("citing-link")).containsExactly(CONFIDENTIAL);
    }

    @Test
    @Order(4)
    void theGraphIsDrawnTwoStepsOutWithoutTheSecretCable() {
        browser.get(url("/ui/cables/" + CONFIDENTIAL));
        browser.findElement(By.id("graph-link")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-graph-ready", "true"));
        @SuppressWarnings("unchecked")
        List<String> nodes = (List<String>) browser.executeScript(
                "return window.cablesGraph.nodes().map(n => n.id()).sort()");
        assertThat(nodes).containsExactlyInAnyOrder(CONFIDENTIAL, UNCLASSIFIED, CITING_CONFIDENTIAL, TWO_STEPS);
        assertThat((Long) browser.executeScript("return window.cablesGraph.edges().length")).isEqualTo(3L);
        assertThat(browser.executeScript("return window.cablesGraph.getElementById(arguments[0]).data('level')",
                UNCLASSIFIED)).isEqualTo("level-unclassified");
        // drawn: cytoscape's canvases have a size and pixels painted on them
        assertThat(painted("#graph canvas")).isTrue();
        assertThat(links("graph-node")).containsExactlyInAnyOrder(CONFIDENTIAL, UNCLASSIFIED, CITING_CONFIDENTIAL,
                TWO_STEPS);
        assertNoCableAbove(browser.getPageSource());
        HeadlessChromium.screenshot(browser, "04-graph");

        // each node is a link
        browser.findElement(By.linkText(TWO_STEPS)).click();
        loaded("/ui/cables/" + TWO_STEPS);
    }

    @Test
    @Order(5)
    void theChartsAreDrawnFromTheCountsTheReaderMaySee() {
        browser.get(url("/ui/overview"));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-charts-ready", "true"));
        for (String chart : List.of("chart-year", "chart-classification", "chart-origin", "chart-tag")) {
            assertThat(painted("#" + chart)).as(chart).isTrue();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> classification = (Map<String, Object>) browser.executeScript("""
                const chart = Chart.getChart(document.getElementById('chart-classification'));
                return {labels: chart.data.labels, sum: chart.data.datasets[0].data.reduce((a, b) => a + b, 0)};""");
        assertThat((List<?>) classification.get("labels")).isNotEmpty().allSatisfy(label ->
                assertThat((String) label).doesNotStartWith("SECRET").doesNotStartWith("TOP SECRET")
                        .doesNotContain("NOFORN"));
        long total = given().header("Authorization", TestTokens.bearer(confidentialReader))
                .get("/api/stats").then().statusCode(200).extract().jsonPath().getLong("total");
        assertThat(((Number) classification.get("sum")).longValue()).isEqualTo(total);
        assertThat(browser.findElement(By.id("total")).getText()).startsWith(total + " stored cables");
        @SuppressWarnings("unchecked")
        List<String> tags = (List<String>) browser.executeScript(
                "return Chart.getChart(document.getElementById('chart-tag')).data.labels");
        assertThat(tags).isNotEmpty();
        HeadlessChromium.screenshot(browser, "05-overview");
    }

    @Test
    @Order(6)
    void theSecretCablesPermalinkReadsAsNotStored() {
        for (String path : List.of("/ui/cables/" + SECRET, "/ui/cables/" + SECRET + "/graph",
                "/ui/cables/09NOSUCHCABLE1")) {
            browser.get(url(path));
            assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Cable not available");
            assertThat(browser.getPageSource()).doesNotContain("LUGO");
        }
        HeadlessChromium.screenshot(browser, "06-not-available");
        browser.get(url("/ui/cables/" + SECRET + "/raw"));
        assertThat(browser.getPageSource()).doesNotContain("LUGO");

        // the same cable for a reader cleared to SECRET, who sees it cite the CONFIDENTIAL one
        String secret = TestTokens.bearer(TestTokens.reader("SECRET"));
        given().header("Authorization", secret).get("/api/cables/" + SECRET).then().statusCode(200);
    }

    @Test
    @Order(8)
    void anOperatorSeesThePipelineAndCanAskForAReplay() {
        signOut();
        browser.get(url("/ui/status"));
        browser.findElement(By.id("token")).sendKeys(TestTokens.everything());
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("services")));
        assertThat(browser.findElement(By.id("services")).getText()).contains("store-service ready")
                .contains("parse-service not ready");
        // the store's own consumer group has read everything this test published
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("lag")).getText()).contains("store store-service cables.parsed 0");
        });
        assertThat(browser.findElement(By.id("rates")).getText()).contains("15 min");
        browser.findElement(By.id("replay")).click();
        browser.switchTo().alert().accept();
        // no parse-service runs in this test: the page says so instead of failing
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("replay-outcome"))).getText())
                .startsWith("Not replayed: parse-service is not reachable");
        HeadlessChromium.screenshot(browser, "07-pipeline");
        signOut();
    }

    @Test
    @Order(7)
    void errorsArePagesOnTheUiAndProblemBodiesOnTheApi() {
        browser.get(url("/ui/cables?from=yesterday"));
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("A search field does not read");
        assertThat(browser.findElement(By.id("error-detail")).getText()).contains("from");
        browser.get(url("/ui/no-such-page"));
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("No such page");
        browser.get(url("/ui/status"));
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Not for your role");

        // the API keeps its bearer header and its problem bodies
        given().header("Authorization", TestTokens.bearer(confidentialReader))
                .get("/api/cables/" + CONFIDENTIAL).then().statusCode(200).body("cableId", equalTo(CONFIDENTIAL));
        given().get("/api/cables/no-such/nothing").then().statusCode(404).contentType("application/problem+json");

        // signing out drops the cookie: the next page asks to sign in again
        signOut();
        browser.get(url("/ui/overview"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
    }

    private void signOut() {
        browser.get(url("/ui/cables"));
        if (!browser.findElements(By.cssSelector("form.who button")).isEmpty()) {
            browser.findElement(By.cssSelector("form.who button")).click();
            loaded("/ui/sign-in");
        }
        assertThat(browser.manage().getCookieNamed(SessionCookie.NAME)).isNull();
    }

    @Test
    @Order(9)
    void everyUiPathNeedsAValidSessionAndTheApiStillTakesOnlyItsHeaderErrors() throws Exception {
        URI root = base.toURI();
        String expired = TestTokens.expired("late", Set.of(Roles.READER), Clearance.of("CONFIDENTIAL", List.of()));
        for (String path : List.of("/ui/cables", "/ui/cables/" + CONFIDENTIAL, "/ui/cables/" + CONFIDENTIAL + "/raw",
                "/ui/cables/" + CONFIDENTIAL + "/graph", "/ui/cables/" + CONFIDENTIAL + "/graph/data",
                "/ui/overview", "/ui/overview/data", "/ui/status")) {
            HttpResponse<String> anonymous = PlainHttp.send(root, "GET", path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(anonymous.body()).as(path).contains("<h1>Sign in</h1>");
            assertThat(withCookie(root, path, expired).statusCode()).as(path).isEqualTo(401);
            assertThat(withCookie(root, path, confidentialReader).statusCode()).as(path)
                    .isEqualTo(path.equals("/ui/status") ? 403 : 200);
        }
        HttpResponse<String> api = PlainHttp.send(root, "GET", "/api/cables/" + CONFIDENTIAL, null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(PlainHttp.send(root, "GET", "/api/cables/" + CONFIDENTIAL, confidentialReader).statusCode())
                .isEqualTo(200);
        // another HTTP error is a page on /ui and a problem body on /api
        HttpResponse<String> notAllowed = withCookie(root, "/ui/overview", confidentialReader, "POST");
        assertThat(notAllowed.statusCode()).isEqualTo(405);
        assertThat(notAllowed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        HttpResponse<String> apiNotAllowed = PlainHttp.send(root, "POST", "/api/stats", confidentialReader);
        assertThat(apiNotAllowed.statusCode()).isEqualTo(405);
        assertThat(apiNotAllowed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // a replay needs an operator, and an htmx request (no other site's form can send its header)
        assertThat(withCookie(root, "/ui/status/replay", TestTokens.everything(), "POST").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> withCookie(URI root, String path, String token) throws Exception {
        return withCookie(root, path, token, "GET");
    }

    private static HttpResponse<String> withCookie(URI root, String path, String token, String method)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve(path))
                .header("Cookie", SessionCookie.NAME + "=" + token).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** After a click: the next page's address, and that page loaded (a click returns before it is). */
    private static void loaded(String urlPart) {
        wait.until(ExpectedConditions.urlContains(urlPart));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private static List<String> links(String cssClass) {
        return browser.findElements(By.className(cssClass)).stream().map(WebElement::getText).toList();
    }

    /** Whether every canvas the selector names has a size and at least one pixel drawn on it. */
    private static boolean painted(String selector) {
        return (Boolean) browser.executeScript("""
                const canvases = [...document.querySelectorAll(arguments[0])];
                return canvases.length > 0 && canvases.some(c => c.width > 0 && c.height > 0) && canvases.some(c => {
                  if (c.width === 0 || c.height === 0) return false;
                  const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) return true; }
                  return false;
                });""", selector);
    }

    /** No id of a sample cable above the reader's clearance anywhere in the page. */
    private static void assertNoCableAbove(String page) {
        assertThat(page).doesNotContain(ABOVE.toArray(String[]::new));
    }
}
